package io.vdibot.commands.reply;

/** One part of a {@link Reply}; adapters render each kind with their platform's closest element. */
public sealed interface Block permits TextBlock, FieldsBlock, TableBlock, ImageBlock, ActionsBlock {
}
