package io.vdibot.adapters.slack;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.chat.ChatPostEphemeralRequest;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.request.conversations.ConversationsOpenRequest;
import com.slack.api.methods.request.files.FilesDeleteRequest;
import com.slack.api.methods.request.files.FilesUploadV2Request;
import com.slack.api.methods.request.views.ViewsOpenRequest;
import com.slack.api.methods.request.views.ViewsPublishRequest;
import com.slack.api.methods.request.views.ViewsUpdateRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.WebhookResponse;
import io.vdibot.adapters.common.ChatMeters;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack Web API calls the adapter makes, with the bot token, Slack's rate limits and its error codes handled in
 * one place. Blocking calls wait out a {@code 429} for as long as {@code Retry-After} says and retry; calls marked
 * "once" throw {@link SlackRateLimitedException} instead, for callers that queue their work.
 */
public class SlackApi {

    private static final Logger LOG = LoggerFactory.getLogger(SlackApi.class);
    private static final int RATE_LIMIT_ATTEMPTS = 5;
    private static final int TRANSIENT_ATTEMPTS = 3;
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(60);
    private static final String PLATFORM = "slack";

    private final Slack slack;
    private final MethodsClient methods;
    private final String token;
    private final ChatMeters meters;
    private final Gson gson = GsonFactory.createSnakeCase();

    /** @param meters where each call ({@code vdibot.chat.calls}) and each rate-limit wait is timed */
    public SlackApi(Slack slack, String botToken, ChatMeters meters) {
        this.slack = Objects.requireNonNull(slack, "slack");
        this.methods = slack.methods();
        this.token = Objects.requireNonNull(botToken, "botToken");
        this.meters = Objects.requireNonNull(meters, "meters");
    }

    public SlackApi(Slack slack, String botToken) {
        this(slack, botToken, ChatMeters.global(PLATFORM));
    }

    /** Posts a message and returns its {@code ts}; {@code threadTs} {@code null} posts in the channel itself. */
    public Posted postMessage(String channel, String threadTs, String text, List<LayoutBlock> blocks) {
        return post(channel, threadTs, text, blocks, false);
    }

    /** A reply in a thread that is also shown in the channel ({@code reply_broadcast}), where everyone sees it. */
    public Posted broadcastReply(String channel, String threadTs, String text, List<LayoutBlock> blocks) {
        return post(channel, threadTs, text, blocks, true);
    }

    private Posted post(String channel, String threadTs, String text, List<LayoutBlock> blocks, boolean broadcast) {
        ChatPostMessageResponse response = blocking("chat.postMessage", () -> methods.chatPostMessage(
                ChatPostMessageRequest.builder().token(token).channel(channel).threadTs(threadTs)
                        .replyBroadcast(broadcast).text(text).blocks(blocks).unfurlLinks(false).unfurlMedia(false)
                        .build()));
        return new Posted(response.getChannel() != null ? response.getChannel() : channel, response.getTs());
    }

    public void postEphemeral(String channel, String user, String threadTs, String text, List<LayoutBlock> blocks) {
        blocking("chat.postEphemeral", () -> methods.chatPostEphemeral(ChatPostEphemeralRequest.builder()
                .token(token).channel(channel).user(user).threadTs(threadTs).text(text).blocks(blocks).build()));
    }

    /** One {@code chat.update}; a 429 is thrown as {@link SlackRateLimitedException} for the caller to reschedule. */
    public void updateOnce(String channel, String ts, String text, List<LayoutBlock> blocks) {
        once("chat.update", () -> methods.chatUpdate(ChatUpdateRequest.builder().token(token).channel(channel).ts(ts)
                .text(text).blocks(blocks).build()));
    }

    public void update(String channel, String ts, String text, List<LayoutBlock> blocks) {
        blocking("chat.update", () -> methods.chatUpdate(ChatUpdateRequest.builder().token(token).channel(channel)
                .ts(ts).text(text).blocks(blocks).build()));
    }

    /** Opens a modal with a trigger id (valid for 3 s, once) and returns the view's id and hash. */
    public OpenedView openView(String triggerId, View view) {
        ViewsOpenResponse response = once("views.open", () -> methods.viewsOpen(
                ViewsOpenRequest.builder().token(token).triggerId(triggerId).view(view).build()));
        return new OpenedView(response.getView().getId(), response.getView().getHash());
    }

    /** Replaces an open modal; {@code hash} guards against overwriting a newer state of it. */
    public void updateView(String viewId, String hash, View view) {
        blocking("views.update", () -> methods.viewsUpdate(
                ViewsUpdateRequest.builder().token(token).viewId(viewId).hash(hash).view(view).build()));
    }

    public void publishHome(String userId, View view) {
        blocking("views.publish", () -> methods.viewsPublish(
                ViewsPublishRequest.builder().token(token).userId(userId).view(view).build()));
    }

    /**
     * The user object {@code users.info} answers, as Slack sent it: the SDK's {@code User} reads a missing
     * {@code is_email_confirmed} as {@code false}, and the adapter must tell a missing flag from a false one.
     *
     * @throws SlackCallException when Slack cannot say, or says nothing about the user
     */
    public JsonObject userInfo(String userId) {
        UserInfoJson response = blocking("users.info", () -> methods.postFormWithTokenAndParseResponse(
                form -> form.add("user", userId).add("include_locale", "true"), "users.info", token,
                UserInfoJson.class));
        if (response.user == null) {
            throw new SlackCallException("users.info", "no user in the answer");
        }
        return response.user;
    }

    /** The direct-message channel with a user, opened if needed. */
    public String openDirectMessage(String userId) {
        return blocking("conversations.open", () -> methods.conversationsOpen(
                ConversationsOpenRequest.builder().token(token).users(List.of(userId)).returnIm(true).build()))
                .getChannel().getId();
    }

    /**
     * Uploads a file (the three-step upload: get an upload URL, send the bytes, complete) and shares it in the
     * channel or thread; {@code channel} {@code null} keeps it private to the app (for App Home images).
     */
    public String upload(String channel, String threadTs, String filename, String title, byte[] data) {
        FilesUploadV2Response response = blocking("files.uploadV2", () -> {
            try {
                return methods.filesUploadV2(FilesUploadV2Request.builder().token(token).channel(channel)
                        .threadTs(threadTs).filename(filename).title(title).fileData(data).build());
            } catch (SlackFilesUploadV2Exception e) {
                throw new SlackCallException("files.uploadV2", e.getMessage(), e);
            }
        });
        return response.getFile() != null ? response.getFile().getId() : null;
    }

    public void deleteFile(String fileId) {
        blocking("files.delete", () -> methods.filesDelete(
                FilesDeleteRequest.builder().token(token).file(fileId).build()));
    }

    /**
     * Answers through a slash command's or an action's {@code response_url}: works in channels the bot is not in,
     * at most five times within 30 minutes.
     */
    public void respond(String responseUrl, boolean ephemeral, String text, List<LayoutBlock> blocks) {
        JsonObject payload = new JsonObject();
        payload.addProperty("response_type", ephemeral ? "ephemeral" : "in_channel");
        payload.addProperty("replace_original", false);
        payload.addProperty("text", text);
        payload.add("blocks", gson.toJsonTree(blocks));
        String body = gson.toJson(payload);
        for (int attempt = 1; ; attempt++) {
            var sample = meters.start();
            try {
                WebhookResponse response = slack.send(responseUrl, body);
                meters.called(sample, "response_url", response.getCode() == 429 ? ChatMeters.RATE_LIMITED
                        : response.getCode() / 100 == 2 ? ChatMeters.OK
                        : response.getCode() >= 500 ? ChatMeters.UNAVAILABLE : ChatMeters.ERROR);
                if (response.getCode() == 429 && attempt < RATE_LIMIT_ATTEMPTS) {
                    rateLimitWait(Duration.ofSeconds(1));
                    continue;
                }
                if (response.getCode() / 100 != 2) {
                    throw new SlackCallException("response_url", "HTTP " + response.getCode());
                }
                return;
            } catch (IOException e) {
                meters.called(sample, "response_url", ChatMeters.UNAVAILABLE);
                if (attempt >= TRANSIENT_ATTEMPTS) {
                    throw new SlackCallException("response_url", "no answer", e);
                }
                sleep(backoff(attempt));
            }
        }
    }

    /** A call that waits out rate limits and retries transient failures before giving up. */
    protected <T extends SlackApiTextResponse> T blocking(String method, Call<T> call) {
        int transientFailures = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(method, call);
            } catch (SlackRateLimitedException limited) {
                if (attempt >= RATE_LIMIT_ATTEMPTS) {
                    throw limited;
                }
                LOG.info("{} rate limited by Slack; waiting {} s as asked", method, limited.retryAfter().toSeconds());
                rateLimitWait(limited.retryAfter());
            } catch (TransientFailure failure) {
                if (++transientFailures >= TRANSIENT_ATTEMPTS) {
                    throw new SlackCallException(method, failure.getMessage(), failure.getCause());
                }
                sleep(backoff(transientFailures));
            }
        }
    }

    /** One attempt: {@code ok: false} becomes {@link SlackCallException}, a 429 {@link SlackRateLimitedException}. */
    protected <T extends SlackApiTextResponse> T once(String method, Call<T> call) {
        try {
            return attempt(method, call);
        } catch (TransientFailure failure) {
            throw new SlackCallException(method, failure.getMessage(), failure.getCause());
        }
    }

    /** One call, timed with its outcome. */
    private <T extends SlackApiTextResponse> T attempt(String method, Call<T> call) {
        var sample = meters.start();
        String outcome = ChatMeters.UNAVAILABLE;
        try {
            T response = answer(method, call);
            outcome = ChatMeters.OK;
            return response;
        } catch (SlackRateLimitedException limited) {
            outcome = ChatMeters.RATE_LIMITED;
            throw limited;
        } catch (SlackCallException refused) {
            outcome = ChatMeters.ERROR;
            throw refused;
        } finally {
            meters.called(sample, method, outcome);
        }
    }

    private <T extends SlackApiTextResponse> T answer(String method, Call<T> call) {
        T response;
        try {
            response = call.run();
        } catch (SlackApiException e) {
            int status = e.getResponse().code();
            if (status == 429) {
                throw new SlackRateLimitedException(method, retryAfter(e.getResponse().header("Retry-After")));
            }
            if (status >= 500) {
                throw new TransientFailure(method + " answered HTTP " + status, e);
            }
            throw new SlackCallException(method, e.getError() != null ? e.getError().getError() : "HTTP " + status, e);
        } catch (IOException e) {
            throw new TransientFailure(method + " got no answer: " + e.getClass().getSimpleName(), e);
        }
        if (response == null) {
            throw new SlackCallException(method, "no response");
        }
        if (!response.isOk()) {
            if ("ratelimited".equals(response.getError())) {
                throw new SlackRateLimitedException(method, Duration.ofSeconds(1));
            }
            throw new SlackCallException(method, response.getError());
        }
        return response;
    }

    /** Edits paused by a 429 count as waits too, though no thread sleeps through them. */
    void pausedForRateLimit(Duration pause) {
        meters.waited(pause);
    }

    private void rateLimitWait(Duration wait) {
        meters.waited(wait);
        sleep(wait);
    }

    static Duration retryAfter(String header) {
        try {
            long seconds = header == null ? 1 : Long.parseLong(header.trim());
            Duration wait = Duration.ofSeconds(Math.max(1, seconds));
            return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    private static Duration backoff(int attempt) {
        return Duration.ofMillis(250L << Math.min(attempt, 4));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackCallException("wait", "interrupted", e);
        }
    }

    /** {@code users.info}'s answer with the user left as JSON. */
    @SuppressWarnings("unused") // fields written by Gson
    static final class UserInfoJson implements SlackApiTextResponse {
        private boolean ok;
        private String warning;
        private String error;
        private String needed;
        private String provided;
        private transient Map<String, List<String>> httpResponseHeaders;
        private JsonObject user;

        @Override
        public boolean isOk() {
            return ok;
        }

        @Override
        public void setOk(boolean ok) {
            this.ok = ok;
        }

        @Override
        public String getWarning() {
            return warning;
        }

        @Override
        public void setWarning(String warning) {
            this.warning = warning;
        }

        @Override
        public String getError() {
            return error;
        }

        @Override
        public void setError(String error) {
            this.error = error;
        }

        @Override
        public String getNeeded() {
            return needed;
        }

        @Override
        public void setNeeded(String needed) {
            this.needed = needed;
        }

        @Override
        public String getProvided() {
            return provided;
        }

        @Override
        public void setProvided(String provided) {
            this.provided = provided;
        }

        @Override
        public Map<String, List<String>> getHttpResponseHeaders() {
            return httpResponseHeaders;
        }

        @Override
        public void setHttpResponseHeaders(Map<String, List<String>> headers) {
            this.httpResponseHeaders = headers;
        }
    }

    /** The ids of a posted message. */
    public record Posted(String channel, String ts) {
    }

    /** The ids of an opened modal. */
    public record OpenedView(String id, String hash) {
    }

    @FunctionalInterface
    protected interface Call<T> {
        T run() throws IOException, SlackApiException;
    }

    private static final class TransientFailure extends RuntimeException {
        TransientFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
