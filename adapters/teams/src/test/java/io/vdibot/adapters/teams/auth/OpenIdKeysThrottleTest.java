package io.vdibot.adapters.teams.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** While the metadata service is down and no key is known, a flood of tokens does not become a flood of fetches. */
class OpenIdKeysThrottleTest {

    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T08:00:00Z"));
    private HttpServer metadata;

    @BeforeEach
    void startFailingMetadataService() throws Exception {
        metadata = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        metadata.createContext("/", exchange -> {
            fetches.incrementAndGet();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        metadata.start();
    }

    @AfterEach
    void stop() {
        metadata.stop(0);
    }

    @Test
    void withoutKeysFetchesAreSpacedAndResumeLater() {
        OpenIdKeys keys = new OpenIdKeys("http://127.0.0.1:" + metadata.getAddress().getPort() + "/openid",
                new OkHttpClient(), clock(), Duration.ofDays(1), Duration.ofMinutes(5));

        for (int i = 0; i < 50; i++) {
            assertThatThrownBy(() -> keys.find("kid-" + Math.random()))
                    .isInstanceOf(TokenRefusedException.class);
        }
        assertThat(fetches).hasValue(1);

        now.set(now.get().plus(OpenIdKeys.EMPTY_RETRY));
        assertThatThrownBy(() -> keys.find("kid")).isInstanceOf(TokenRefusedException.class);
        assertThat(fetches).hasValue(2);
    }

    private Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
    }
}
