package org.openpetition.notification;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.openpetition.devinfra.Ports;

/**
 * For the benchmark only ({@code -Dbenchmark.smtp=lean}): a real SMTP receiver on 127.0.0.1 that speaks
 * the protocol over TCP (EHLO, MAIL, RCPT, DATA up to the lone dot, RSET, NOOP, QUIT) and counts each
 * message and its bytes, but does not parse or keep them as GreenMail does. It shows what the service
 * delivers when the SMTP server does not share the two cores with a MIME parser, as a mail relay on its
 * own machine would not. Without the property it starts nothing and changes no setting.
 */
public class LeanSmtpReceiver implements QuarkusTestResourceLifecycleManager {

    static final AtomicLong MESSAGES = new AtomicLong();
    static final AtomicLong BYTES = new AtomicLong();

    private ServerSocket server;
    private ExecutorService connections;

    static boolean wanted() {
        return "lean".equals(System.getProperty("benchmark.smtp"));
    }

    @Override
    public Map<String, String> start() {
        if (!wanted()) {
            return Map.of();
        }
        try {
            server = new ServerSocket(0, 64, InetAddress.getByName(Ports.LOOPBACK));
        } catch (IOException e) {
            throw new IllegalStateException("lean SMTP receiver did not start", e);
        }
        connections = Executors.newCachedThreadPool();
        connections.execute(this::accept);
        return Map.of("quarkus.mailer.port", String.valueOf(server.getLocalPort()));
    }

    /** After InfraTestResource, so that its mailer port is the one used. */
    @Override
    public int order() {
        return 10;
    }

    @Override
    public void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            connections.shutdownNow();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                connections.execute(() -> converse(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void converse(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream(), 65_536);
             OutputStream out = socket.getOutputStream()) {
            reply(out, "220 127.0.0.1 ESMTP lean receiver");
            String line;
            while ((line = readLine(in, null)) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO" -> reply(out, "250-127.0.0.1\r\n250-8BITMIME\r\n250 SIZE 10485760");
                    case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        long bytes = 0;
                        ByteArrayOutputStream scratch = new ByteArrayOutputStream(256);
                        String data;
                        while ((data = readLine(in, scratch)) != null && !data.equals(".")) {
                            bytes += data.length() + 2;
                        }
                        if (data == null) {
                            return;
                        }
                        MESSAGES.incrementAndGet();
                        BYTES.addAndGet(bytes);
                        reply(out, "250 OK queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 command not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** One line without its CRLF, or null at the end of the stream. */
    private static String readLine(InputStream in, ByteArrayOutputStream scratch) throws IOException {
        ByteArrayOutputStream line = scratch == null ? new ByteArrayOutputStream(64) : scratch;
        line.reset();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return null;
    }
}
