package org.openpetition.notification;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * own machine would not. Like Postfix and Exim it offers PIPELINING (RFC 2920): the client may send MAIL,
 * RCPT and DATA together, and replies are flushed when no more commands are waiting. Without the property
 * it starts nothing and changes no setting.
 */
public class LeanSmtpReceiver implements QuarkusTestResourceLifecycleManager {

    static final AtomicLong MESSAGES = new AtomicLong();
    static final AtomicLong BYTES = new AtomicLong();
    /** CPU time the receiver's threads spent, up to each message received. */
    static final AtomicLong CPU_NANOS = new AtomicLong();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ServerSocket server;
    private ExecutorService connections;

    static void reset() {
        MESSAGES.set(0);
        BYTES.set(0);
        CPU_NANOS.set(0);
    }

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
        try (socket; OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 4_096)) {
            Input in = new Input(socket.getInputStream(), out);
            long cpu = THREADS.getCurrentThreadCpuTime();
            reply(out, "220 127.0.0.1 ESMTP lean receiver");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO" -> reply(out, "250-127.0.0.1\r\n250-8BITMIME\r\n250-PIPELINING\r\n250 SIZE 10485760");
                    case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        long bytes = in.skipData();
                        if (bytes < 0) {
                            return;
                        }
                        MESSAGES.incrementAndGet();
                        BYTES.addAndGet(bytes);
                        long now = THREADS.getCurrentThreadCpuTime();
                        CPU_NANOS.addAndGet(now - cpu);
                        cpu = now;
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
    }

    /**
     * The connection's input, read a block at a time. Before it waits for more, the replies so far are
     * flushed unless more input is already waiting (a pipelined group is answered in one write).
     */
    private static final class Input {

        private final InputStream raw;
        private final OutputStream out;
        private final byte[] buffer = new byte[65_536];
        private int position;
        private int limit;

        Input(InputStream raw, OutputStream out) {
            this.raw = raw;
            this.out = out;
        }

        private boolean fill() throws IOException {
            if (raw.available() == 0) {
                out.flush();
            }
            limit = raw.read(buffer);
            position = 0;
            return limit > 0;
        }

        /** One command line without its CRLF, or null at the end of the stream. */
        String readLine() throws IOException {
            StringBuilder line = new StringBuilder(64);
            while (true) {
                if (position == limit && !fill()) {
                    return null;
                }
                char c = (char) (buffer[position++] & 0xff);
                if (c == '\n') {
                    int length = line.length();
                    return length > 0 && line.charAt(length - 1) == '\r' ? line.substring(0, length - 1) : line.toString();
                }
                line.append(c);
            }
        }

        /** Skips a message up to its line holding a lone dot; returns its size in bytes, or -1 at the end of the stream. */
        long skipData() throws IOException {
            long bytes = 0;
            int state = 1; // 0 within a line, 1 at a line's start, 2 after a dot there, 3 after the dot and CR
            while (true) {
                if (position == limit && !fill()) {
                    return -1;
                }
                byte b = buffer[position++];
                bytes++;
                if (state == 3 && b == '\n') {
                    return bytes - 3;
                }
                state = switch (state) {
                    case 1 -> b == '.' ? 2 : b == '\n' ? 1 : 0;
                    case 2 -> b == '\r' ? 3 : b == '\n' ? 1 : 0;
                    default -> b == '\n' ? 1 : 0;
                };
            }
        }
    }
}
