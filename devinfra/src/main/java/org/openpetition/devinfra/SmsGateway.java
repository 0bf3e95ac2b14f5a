package org.openpetition.devinfra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMS gateway stand-in on 127.0.0.1: an HTTP server that takes {@code POST /sms} with a JSON body
 * {@code {to, text, reference}} and a bearer key, keeps what it accepted, and lists it at
 * {@code GET /sms}. Tests read the texts back and can make it fail the next requests with a status of
 * their choice; the local run uses it as the platform's SMS gateway.
 */
public final class SmsGateway implements AutoCloseable {

    /** The key the platform's local configuration sends. */
    public static final String API_KEY = "local-development-sms-key";

    /** One text the gateway accepted. */
    public record Sms(String to, String text, String reference, String idempotencyKey, Instant at) {
    }

    private static final Pattern FIELD = Pattern.compile("\"(to|text|reference)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final HttpServer server;
    private final List<Sms> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile int failureStatus = 503;

    private SmsGateway(HttpServer server) {
        this.server = server;
    }

    public static SmsGateway start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(Ports.LOOPBACK, port), 64);
            SmsGateway gateway = new SmsGateway(server);
            server.createContext("/sms", gateway::handle);
            server.setExecutor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "sms-gateway");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return gateway;
        } catch (IOException e) {
            throw new IllegalStateException("SMS gateway cannot listen on " + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://" + Ports.LOOPBACK + ":" + port() + "/sms";
    }

    /** Every text accepted so far. */
    public List<Sms> received() {
        return List.copyOf(received);
    }

    /** The texts accepted for one number. */
    public List<Sms> receivedFor(String phone) {
        return received.stream().filter(s -> phone.equals(s.to())).toList();
    }

    /** The next {@code count} requests are answered with {@code status} and nothing is kept. */
    public void failNext(int count, int status) {
        failureStatus = status;
        failures.set(count);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if ("GET".equals(exchange.getRequestMethod())) {
                respond(exchange, 200, list());
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "{\"error\":\"method\"}");
                return;
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (!("Bearer " + API_KEY).equals(auth)) {
                respond(exchange, 401, "{\"error\":\"key\"}");
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                respond(exchange, failureStatus, "{\"error\":\"injected\"}");
                return;
            }
            String to = null;
            String text = null;
            String reference = null;
            Matcher m = FIELD.matcher(body);
            while (m.find()) {
                String value = unescape(m.group(2));
                switch (m.group(1)) {
                    case "to" -> to = value;
                    case "text" -> text = value;
                    default -> reference = value;
                }
            }
            if (to == null || !to.matches("1[3-9]\\d{9}") || text == null || text.isBlank()) {
                respond(exchange, 400, "{\"error\":\"to must be a mainland mobile number and text must not be empty\"}");
                return;
            }
            received.add(new Sms(to, text, reference, exchange.getRequestHeaders().getFirst("Idempotency-Key"), Instant.now()));
            respond(exchange, 202, "{\"accepted\":true}");
        }
    }

    private String list() {
        List<String> items = new ArrayList<>();
        for (Sms s : received) {
            items.add("{\"to\":\"" + s.to() + "\",\"text\":\"" + s.text().replace("\\", "\\\\").replace("\"", "\\\"")
                    + "\",\"reference\":\"" + s.reference() + "\",\"at\":\"" + s.at() + "\"}");
        }
        return "[" + String.join(",", items) + "]";
    }

    private static String unescape(String json) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c != '\\' || i + 1 >= json.length()) {
                out.append(c);
                continue;
            }
            char n = json.charAt(++i);
            switch (n) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'u' -> {
                    out.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(n);
            }
        }
        return out.toString();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
