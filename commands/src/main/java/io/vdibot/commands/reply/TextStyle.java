package io.vdibot.commands.reply;

/** How a text block is shown. */
public enum TextStyle {
    PLAIN,
    /** A title line. */
    HEADING,
    /** Monospaced, kept verbatim: command lines, log excerpts. */
    CODE
}
