package org.openpetition.devinfra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The TCP sockets in LISTEN state of this process and everything it started (Linux /proc), with
 * their local addresses: how the system test proves that nothing listens beyond loopback.
 */
public final class ListeningSockets {

    /** One listening socket: the process, the address as /proc writes it and its port. */
    public record Listener(long pid, String command, String address, int port) {

        public boolean isLoopback() {
            return address.equals("127.0.0.1") || address.equals("::1") || address.equals("::ffff:127.0.0.1");
        }

        @Override
        public String toString() {
            return command + "[" + pid + "] " + address + ":" + port;
        }
    }

    private ListeningSockets() {
    }

    /** Every listening socket on the machine on one of the ports, whoever owns it (pid 0: not looked up). */
    public static List<Listener> onPorts(java.util.Set<Integer> ports) throws IOException {
        return listeningByInode().values().stream()
                .filter(socket -> ports.contains(Integer.parseInt(socket[1])))
                .map(socket -> new Listener(0, "?", socket[0], Integer.parseInt(socket[1])))
                .toList();
    }

    public static List<Listener> ofThisProcessTree() throws IOException {
        Map<String, String[]> listeningByInode = listeningByInode();
        List<Listener> result = new ArrayList<>();
        List<ProcessHandle> processes = new ArrayList<>();
        processes.add(ProcessHandle.current());
        ProcessHandle.current().descendants().forEach(processes::add);
        for (ProcessHandle process : processes) {
            Path fds = Path.of("/proc", String.valueOf(process.pid()), "fd");
            String command = process.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("?");
            try (Stream<Path> links = Files.list(fds)) {
                for (Path link : links.toList()) {
                    String target;
                    try {
                        target = Files.readSymbolicLink(link).toString();
                    } catch (IOException e) {
                        continue; // closed meanwhile
                    }
                    if (target.startsWith("socket:[")) {
                        String[] socket = listeningByInode.get(target.substring(8, target.length() - 1));
                        if (socket != null) {
                            result.add(new Listener(process.pid(), command, socket[0], Integer.parseInt(socket[1])));
                        }
                    }
                }
            } catch (IOException e) {
                // the process ended meanwhile
            }
        }
        return result;
    }

    /** Socket inode -> {address, port} of every TCP socket in LISTEN state, IPv4 and IPv6. */
    private static Map<String, String[]> listeningByInode() throws IOException {
        Map<String, String[]> listening = new HashMap<>();
        readTable(Path.of("/proc/net/tcp"), false, listening);
        readTable(Path.of("/proc/net/tcp6"), true, listening);
        return listening;
    }

    private static void readTable(Path table, boolean ipv6, Map<String, String[]> out) throws IOException {
        if (!Files.exists(table)) {
            return;
        }
        List<String> lines = Files.readAllLines(table);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.trim().split("\\s+");
            if (!f[3].equals("0A")) { // LISTEN
                continue;
            }
            String[] local = f[1].split(":");
            out.put(f[9], new String[] {ipv6 ? ipv6(local[0]) : ipv4(local[0]), String.valueOf(Integer.parseInt(local[1], 16))});
        }
    }

    private static String ipv4(String hex) {
        long v = Long.parseLong(hex, 16); // little-endian
        return (v & 0xff) + "." + ((v >> 8) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 24) & 0xff);
    }

    private static String ipv6(String hex) {
        if (hex.equals("00000000000000000000000001000000")) {
            return "::1";
        }
        if (hex.startsWith("0000000000000000FFFF0000")) {
            return "::ffff:" + ipv4(hex.substring(24));
        }
        if (hex.equals("00000000000000000000000000000000")) {
            return "::";
        }
        return hex;
    }
}
