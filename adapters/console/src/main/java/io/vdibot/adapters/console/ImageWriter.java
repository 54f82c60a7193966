package io.vdibot.adapters.console;

import io.vdibot.commands.reply.ImageBlock;

import java.io.IOException;
import java.nio.file.Path;

/** Where the console puts the images of a reply, since a terminal cannot show them. */
@FunctionalInterface
public interface ImageWriter {

    /** Stores {@code image} and returns the file it can be opened from. */
    Path write(ImageBlock image) throws IOException;
}
