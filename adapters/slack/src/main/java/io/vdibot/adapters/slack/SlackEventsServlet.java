package io.vdibot.adapters.slack;

import io.vdibot.adapters.common.RecentKeys;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/events}: every HTTP request Slack sends (slash commands, interactivity, options, events). The
 * body is read up to a size limit, then its signature is checked before anything else looks at it: a request that is
 * forged, expired (more than five minutes off) or replayed gets 401 and goes no further. Only then does Bolt parse
 * and route it.
 */
public final class SlackEventsServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(SlackEventsServlet.class);
    private static final long serialVersionUID = 1L;
    /** A signature is good for the verifier's window; remembering it a little longer closes the replay gap. */
    private static final Duration REPLAY_MEMORY = SlackSignatureVerifier.WINDOW.plusMinutes(1);

    private final transient App app;
    private final transient SlackRequestParser parser;
    private final transient SlackSignatureVerifier verifier;
    private final transient RecentKeys signatures;
    private final int maxBodyBytes;

    public SlackEventsServlet(App app, SlackSignatureVerifier verifier, RecentKeys signatures, int maxBodyBytes) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.verifier = verifier;
        this.signatures = signatures;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBodyBytes) {
            refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "body too large");
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), maxBodyBytes);
        if (body == null) {
            refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "body too large");
            return;
        }
        String timestamp = request.getHeader(SlackSignatureVerifier.TIMESTAMP_HEADER);
        String signature = request.getHeader(SlackSignatureVerifier.SIGNATURE_HEADER);
        SlackSignatureVerifier.Verdict verdict = verifier.verify(timestamp, signature, body);
        if (verdict != SlackSignatureVerifier.Verdict.VALID) {
            LOG.info("Slack request refused from {}: {}", request.getRemoteAddr(), verdict);
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "invalid request");
            return;
        }
        // Slack signs every delivery anew, so the same signature twice is a replay; a retry sent within the same
        // second as the original carries the same signature, but a higher retry number. What a replayed retry
        // number gets through is dropped later by the idempotency key of the payload.
        String retry = request.getHeader("X-Slack-Retry-Num");
        if (!signatures.firstSeen(signature.trim() + "/" + (retry == null ? "0" : retry.trim()), REPLAY_MEMORY)) {
            LOG.info("Slack request refused from {}: replayed signature", request.getRemoteAddr());
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "invalid request");
            return;
        }
        Request<?> slackRequest = parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(request.getRequestURI())
                .queryString(query(request))
                .headers(new RequestHeaders(headers(request)))
                .requestBody(new String(body, StandardCharsets.UTF_8))
                .remoteAddress(request.getRemoteAddr())
                .build());
        if (slackRequest == null) {
            refuse(response, HttpServletResponse.SC_BAD_REQUEST, "unknown request");
            return;
        }
        Response answer;
        try {
            answer = app.run(slackRequest);
        } catch (Exception e) {
            LOG.error("Slack request of type {} failed", slackRequest.getRequestType(), e);
            refuse(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "error");
            return;
        }
        write(response, answer);
    }

    private static void write(HttpServletResponse response, Response answer) throws IOException {
        response.setStatus(answer.getStatusCode());
        for (Map.Entry<String, List<String>> header : answer.getHeaders().entrySet()) {
            for (String value : header.getValue()) {
                response.addHeader(header.getKey(), value);
            }
        }
        if (answer.getBody() != null) {
            byte[] bytes = answer.getBody().getBytes(StandardCharsets.UTF_8);
            response.setContentType(answer.getContentType());
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        } else {
            response.setContentLength(0);
        }
    }

    private static void refuse(HttpServletResponse response, int status, String text) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=utf-8");
        // tells Slack not to retry a request it will never get through
        response.setHeader("X-Slack-No-Retry", "1");
        response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The body, or {@code null} when it is longer than {@code limit} (the rest is not read). */
    static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 16 * 1024));
        byte[] buffer = new byte[8192];
        int total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > limit) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return headers;
    }

    /** From the query string only: the form body was read as bytes for the signature and is Bolt's to parse. */
    private static Map<String, List<String>> query(HttpServletRequest request) {
        return request.getQueryString() == null ? new HashMap<>() : QueryStringParser.toMap(request.getQueryString());
    }
}
