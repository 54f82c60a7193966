package io.vdibot.commands;

/** Where a request came from and where its thread lives. */
public enum Platform {
    CONSOLE,
    SLACK,
    TEAMS
}
