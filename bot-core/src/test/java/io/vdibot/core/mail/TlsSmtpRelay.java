package io.vdibot.core.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * An SMTP front with a TLS certificate of the test's choosing, before a plain SMTP server (GreenMail's offers no
 * STARTTLS). With STARTTLS it greets, answers EHLO with STARTTLS, upgrades the connection and then relays the
 * decrypted conversation, swallowing the server's own greeting; with SSL (implicit TLS, SMTPS) it shakes hands first
 * and relays everything. Only what a client sends after a completed handshake reaches the server behind it.
 */
final class TlsSmtpRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final SSLContext tls;
    private final int behind;
    private final boolean ssl;
    private final AtomicInteger handshakes = new AtomicInteger();

    /** @param ssl TLS from the first byte (SMTPS); else STARTTLS */
    TlsSmtpRelay(SSLContext tls, int plainSmtpPort, boolean ssl) throws IOException {
        this.tls = tls;
        this.behind = plainSmtpPort;
        this.ssl = ssl;
        this.listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "tls-smtp-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Connections upgraded to TLS so far. */
    int handshakes() {
        return handshakes.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Thread session = new Thread(() -> {
                    if (ssl) {
                        relaySecure(client);
                    } else {
                        serve(client);
                    }
                }, "tls-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                    StandardCharsets.US_ASCII));
            OutputStream out = client.getOutputStream();
            write(out, "220 relay.vdibot.example ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() < 4 ? line : line.substring(0, 4);
                if (verb.equalsIgnoreCase("EHLO")) {
                    write(out, "250-relay.vdibot.example\r\n250 STARTTLS");
                } else if (line.equalsIgnoreCase("STARTTLS")) {
                    write(out, "220 Ready to start TLS");
                    upgradeAndRelay(client, true);
                    return;
                } else if (verb.equalsIgnoreCase("QUIT")) {
                    write(out, "221 Bye");
                    return;
                } else {
                    write(out, "530 Must issue a STARTTLS command first");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private void relaySecure(Socket client) {
        try (client) {
            upgradeAndRelay(client, false);
        } catch (IOException e) {
            // the client went away, or refused the certificate
        }
    }

    /** @param greeted the client had this relay's greeting already, so the server's own is not for it */
    private void upgradeAndRelay(Socket client, boolean greeted) throws IOException {
        SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(client,
                client.getInetAddress().getHostAddress(), client.getPort(), false);
        secure.setUseClientMode(false);
        secure.startHandshake();
        handshakes.incrementAndGet();
        try (secure; Socket server = new Socket(InetAddress.getLoopbackAddress(), behind)) {
            if (greeted) {
                InputStream fromServer = server.getInputStream();
                int b;
                while ((b = fromServer.read()) != -1 && b != '\n') {
                    // skip
                }
            }
            Thread up = new Thread(() -> pipe(secure, server), "tls-smtp-up");
            up.setDaemon(true);
            up.start();
            pipe(server, secure);
        }
    }

    private static void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException closed) {
            // one side ended the conversation
        } finally {
            try {
                to.shutdownOutput();
            } catch (IOException | UnsupportedOperationException ignored) {
                // already closed
            }
        }
    }

    private static void write(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
