package org.openpetition.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.openpetition.devinfra.Ports;

/**
 * A stand-in address for a service that passes GET requests on to the real one until {@link #goDown()}: from
 * then on nothing listens there, as when the service's process is gone. Lets a test take one service away
 * from one caller without touching the platform the other tests share.
 */
final class ServiceOutage implements AutoCloseable {

    private static final String[] PASSED_ON = {"Authorization", "Accept", "Accept-Language", "X-Forwarded-For"};

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final String target;

    ServiceOutage(String target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress(Ports.LOOPBACK, Ports.free()), 0);
        server.createContext("/", this::forward);
        server.start();
    }

    String url() {
        return "http://" + Ports.LOOPBACK + ":" + server.getAddress().getPort();
    }

    /** From now on the address refuses connections. */
    void goDown() {
        server.stop(0);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI())).GET();
            for (String header : PASSED_ON) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    request.header(header, value);
                }
            }
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.headers().firstValue("Content-Type").ifPresent(type -> exchange.getResponseHeaders().add("Content-Type", type));
            exchange.sendResponseHeaders(response.statusCode(), 0);
            try (InputStream body = response.body()) {
                body.transferTo(exchange.getResponseBody());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
