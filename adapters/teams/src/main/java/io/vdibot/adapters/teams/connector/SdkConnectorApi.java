package io.vdibot.adapters.teams.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.connector.Conversations;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.restclient.RestClient;
import com.microsoft.bot.restclient.RestException;
import com.microsoft.bot.restclient.credentials.ServiceClientCredentials;
import com.microsoft.bot.restclient.retry.RetryStrategy;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationResourceResponse;
import com.microsoft.bot.schema.ResourceResponse;
import io.vdibot.adapters.teams.auth.AccessTokens;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * {@link ConnectorApi} on the Bot Framework SDK's Connector client (one per service URL). The SDK's own token
 * handling (MSAL, and a trusted-service-URL list that lives only in memory, the cause of the well-known 401 on
 * proactive messages after a restart) is bypassed: every call carries the token from {@link AccessTokens}. The SDK's
 * retry handler is switched off; {@link PacedConnectorApi} retries with backoff instead.
 */
public final class SdkConnectorApi implements ConnectorApi {

    static final String ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

    private final AccessTokens tokens;
    private final OkHttpClient http;
    private final Map<String, RestConnectorClient> clients = new ConcurrentHashMap<>();

    public SdkConnectorApi(AccessTokens tokens, OkHttpClient http) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public String send(Address to, Outgoing message) throws ConnectorException {
        ResourceResponse response = call("send", () -> conversations(to)
                .sendToConversation(to.conversationId(), activity(to, message)));
        return response == null ? null : response.getId();
    }

    @Override
    public String reply(Address to, String replyToId, Outgoing message) throws ConnectorException {
        Activity activity = activity(to, message);
        activity.setReplyToId(replyToId);
        ResourceResponse response = call("reply", () -> conversations(to)
                .replyToActivity(to.conversationId(), replyToId, activity));
        return response == null ? null : response.getId();
    }

    @Override
    public void update(Address in, String activityId, Outgoing message) throws ConnectorException {
        Activity activity = activity(in, message);
        activity.setId(activityId);
        call("update", () -> conversations(in).updateActivity(in.conversationId(), activityId, activity));
    }

    @Override
    public Optional<Member> member(Address in, String userId) throws ConnectorException {
        try {
            ChannelAccount account = call("member", () -> conversations(in)
                    .getConversationMember(userId, in.baseConversationId()));
            return Optional.ofNullable(account).map(SdkConnectorApi::member);
        } catch (ConnectorException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Address openPersonalChat(String serviceUrl, String tenantId, String userId) throws ConnectorException {
        ConversationParameters parameters = new ConversationParameters();
        parameters.setIsGroup(false);
        parameters.setMembers(List.of(new ChannelAccount(userId)));
        parameters.setTenantId(tenantId);
        parameters.setChannelData(Map.of("tenant", Map.of("id", tenantId)));
        Address service = new Address(serviceUrl, "-", tenantId);
        ConversationResourceResponse created = call("open chat", () -> client(service).getConversations()
                .createConversation(parameters));
        return new Address(serviceUrl, created.getId(), tenantId);
    }

    private static Member member(ChannelAccount account) {
        Map<String, JsonNode> extra = account.getProperties();
        return new Member(account.getId(), account.getAadObjectId(), account.getName(), text(extra, "email"),
                text(extra, "userPrincipalName"), text(extra, "tenantId"), text(extra, "userRole"));
    }

    private static String text(Map<String, JsonNode> properties, String name) {
        JsonNode node = properties == null ? null : properties.get(name);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static Activity activity(Address to, Outgoing message) {
        Activity activity = new Activity(ActivityTypes.MESSAGE);
        activity.setConversation(new ConversationAccount(to.conversationId()));
        if (message.card() != null) {
            Attachment card = new Attachment();
            card.setContentType(ADAPTIVE_CARD);
            card.setContent(message.card());
            activity.setAttachments(List.of(card));
            activity.setSummary(message.summary());
        } else if (message.image() != null) {
            Attachment image = new Attachment();
            image.setContentType(message.image().mimeType());
            image.setContentUrl(message.image().dataUri());
            image.setName(message.image().name());
            activity.setAttachments(List.of(image));
            activity.setText(message.summary());
            activity.setTextFormat(com.microsoft.bot.schema.TextFormatTypes.PLAIN);
        } else {
            activity.setText(message.summary());
            activity.setTextFormat(com.microsoft.bot.schema.TextFormatTypes.PLAIN);
        }
        return activity;
    }

    private Conversations conversations(Address address) {
        return client(address).getConversations();
    }

    private RestConnectorClient client(Address address) {
        String base = address.serviceUrl().endsWith("/") ? address.serviceUrl() : address.serviceUrl() + "/";
        return clients.computeIfAbsent(base, this::newClient);
    }

    private RestConnectorClient newClient(String baseUrl) {
        ServiceClientCredentials credentials = builder -> builder.addInterceptor(chain -> {
            Request request = chain.request();
            return chain.proceed(request.newBuilder().header("Authorization", "Bearer " + tokens.token()).build());
        });
        RestClient rest = RestConnectorClient.getDefaultRestClientBuilder(baseUrl, credentials)
                .withConnectionPool(http.connectionPool())
                .withDispatcher(http.dispatcher())
                .withReadTimeout(30, TimeUnit.SECONDS)
                .withConnectionTimeout(10, TimeUnit.SECONDS)
                .withRetryStrategy(new NoRetry())
                .build();
        return new RestConnectorClient(rest);
    }

    private interface Call<T> {
        CompletableFuture<T> start();
    }

    private static <T> T call(String operation, Call<T> call) throws ConnectorException {
        try {
            return call.start().join();
        } catch (CompletionException e) {
            throw translate(operation, e.getCause() != null ? e.getCause() : e);
        } catch (RuntimeException e) {
            throw translate(operation, e);
        }
    }

    private static ConnectorException translate(String operation, Throwable failure) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof RestException) && !(cause instanceof IOException)) {
            cause = cause.getCause();
        }
        if (cause instanceof RestException rest && rest.response() != null) {
            String retryAfter = rest.response().headers().get("Retry-After");
            return new ConnectorException(operation, rest.response().code(), parseRetryAfter(retryAfter), null);
        }
        return new ConnectorException(operation, 0, null, failure);
    }

    static Duration parseRetryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Duration.ofMillis((long) (Double.parseDouble(header.trim()) * 1000));
        } catch (NumberFormatException e) {
            return null; // an HTTP date: the backoff applies
        }
    }

    /** The SDK would retry 5xx at once and without limit of time; retries belong to {@link PacedConnectorApi}. */
    private static final class NoRetry extends RetryStrategy {
        NoRetry() {
            super("none", false);
        }

        @Override
        public boolean shouldRetry(int retryCount, okhttp3.Response response) {
            return false;
        }
    }
}
