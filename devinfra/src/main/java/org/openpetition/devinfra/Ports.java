package org.openpetition.devinfra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/** Loopback ports: everything this module starts listens on 127.0.0.1 only. */
public final class Ports {

    public static final String LOOPBACK = "127.0.0.1";
    private static final Random RANDOM = new Random();
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private Ports() {
    }

    /**
     * A port that is free on 127.0.0.1 right now (checked by binding to it), below the kernel's
     * ephemeral range: a port from that range can be taken by any outgoing connection between the
     * moment it is picked and the moment the server binds it. Never the same port twice per JVM.
     */
    public static synchronized int free() {
        int below = ephemeralRangeStart();
        int low = Math.max(1024, below - 12000);
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = low + RANDOM.nextInt(below - low);
            if (!HANDED_OUT.contains(port) && bindable(port)) {
                HANDED_OUT.add(port);
                return port;
            }
        }
        throw new IllegalStateException("no free loopback port below " + below);
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(LOOPBACK))) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int ephemeralRangeStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            int start = Integer.parseInt(range.split("\\s+")[0]);
            return start > 3000 ? start : 32768;
        } catch (IOException | RuntimeException e) {
            return 32768; // the Linux default; elsewhere a reasonable guess
        }
    }

    /** Fails with a clear message if something already listens on the port. */
    public static void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(LOOPBACK))) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException(LOOPBACK + ":" + port + " (" + what + ") is already in use"
                    + " - is the platform already running? Stop it with deploy/local/run.sh stop", e);
        }
    }

    public static boolean isOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
