package io.vdibot.commands.handler;

/** A task's deploy log (what was done) and error log (what failed and why). Never pass secrets. */
public interface TaskLog {

    void deploy(String message);

    void error(String message);
}
