package io.vdibot.adapters.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/**
 * A reply in Slack's terms: Block Kit blocks, the plain text Slack shows in notifications and to screen readers, and
 * files that go with it (long tables, charts, overflow).
 */
public record Rendered(List<LayoutBlock> blocks, String text, List<FileAttachment> files) {

    public Rendered {
        blocks = List.copyOf(blocks);
        files = List.copyOf(files);
    }

    /** A file to upload into the message's thread. */
    public record FileAttachment(String filename, String title, byte[] data, boolean image) {
    }
}
