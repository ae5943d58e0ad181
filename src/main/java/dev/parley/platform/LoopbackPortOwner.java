package dev.parley.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Who listens on a port of this machine's loopback address, so a client sends the API token only to a
 * server of its own user: on a shared machine another account can listen on Parley's port while Parley
 * is not running and collect the token from whoever connects. Linux tells in /proc/net/tcp and tcp6 (each
 * socket's state, local address and owner's uid); where they cannot be read (another OS, a hardened
 * /proc) nothing is known and the caller connects as it would anyway.
 */
public final class LoopbackPortOwner {

    /** What /proc/net says about a port's listeners. */
    public sealed interface Verdict {}

    /** Every listener reachable at 127.0.0.1 on the port is this user's. */
    public record Own() implements Verdict {}

    /** A listener reachable at 127.0.0.1 on the port belongs to another account. */
    public record Foreign(int uid) implements Verdict {}

    /** Nothing can be said: no /proc/net here, or no listener of the port in it. */
    public record Unknown() implements Verdict {}

    private static final String LISTEN = "0A";
    private static final Path TCP = Path.of("/proc/net/tcp");
    private static final Path TCP6 = Path.of("/proc/net/tcp6");

    private LoopbackPortOwner() {}

    /** Whose listener a connection to 127.0.0.1:{@code port} would reach, as far as this system tells. */
    public static Verdict of(int port) {
        OptionalInt ownUid = currentUid();
        if (ownUid.isEmpty()) {
            return new Unknown();
        }
        Verdict v4 = of(read(TCP), port, ownUid.getAsInt());
        return v4 instanceof Foreign ? v4 : merge(v4, of(read(TCP6), port, ownUid.getAsInt()));
    }

    /**
     * The verdict on {@code table}, the text of /proc/net/tcp or tcp6, for {@code port} and the user
     * {@code ownUid}: listeners on a loopback or any-address (which takes loopback connections too) count.
     */
    static Verdict of(String table, int port, int ownUid) {
        Verdict verdict = new Unknown();
        for (String line : table.lines().skip(1).toList()) { // the first line names the columns
            String[] fields = line.strip().split("\\s+");
            if (fields.length < 8 || !fields[3].equals(LISTEN)) {
                continue;
            }
            Optional<Integer> uid = reachableListenerUid(fields[1], fields[7], port);
            if (uid.isPresent()) {
                if (uid.get() != ownUid) {
                    return new Foreign(uid.get());
                }
                verdict = new Own();
            }
        }
        return verdict;
    }

    /** The uid of a listener at {@code localAddress} ("0100007F:2E2D"), when it is on the port and takes 127.0.0.1. */
    private static Optional<Integer> reachableListenerUid(String localAddress, String uid, int port) {
        int colon = localAddress.indexOf(':');
        try {
            if (colon < 0 || Integer.parseInt(localAddress.substring(colon + 1), 16) != port) {
                return Optional.empty();
            }
            InetAddress address = address(localAddress.substring(0, colon));
            return address.isLoopbackAddress() || address.isAnyLocalAddress() ? Optional.of(Integer.parseInt(uid))
                    : Optional.empty();
        } catch (IllegalArgumentException | UnknownHostException notARow) {
            return Optional.empty();
        }
    }

    /**
     * The kernel prints the address as 32-bit words in the machine's byte order (little-endian on the
     * machines Parley runs on), so each 4-byte word is reversed. An IPv4-mapped IPv6 address
     * (::ffff:127.0.0.1) comes back as the IPv4 one.
     */
    private static InetAddress address(String hex) throws UnknownHostException {
        byte[] bytes = HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
        for (int word = 0; word + 4 <= bytes.length; word += 4) {
            for (int i = 0; i < 2; i++) {
                byte swap = bytes[word + i];
                bytes[word + i] = bytes[word + 3 - i];
                bytes[word + 3 - i] = swap;
            }
        }
        return InetAddress.getByAddress(bytes);
    }

    private static Verdict merge(Verdict first, Verdict second) {
        return second instanceof Unknown ? first : second;
    }

    private static String read(Path table) {
        try {
            return Files.readString(table, StandardCharsets.US_ASCII);
        } catch (IOException | SecurityException unreadable) {
            return "";
        }
    }

    /** This process's uid, from /proc/self; empty where there is none (macOS, Windows) or it cannot be read. */
    static OptionalInt currentUid() {
        try {
            return OptionalInt.of((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | SecurityException unreadable) {
            return OptionalInt.empty(); // then nothing is known, and the caller connects as it would anyway
        } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
            return OptionalInt.empty(); // no "unix" attribute view on this file system (Windows)
        }
    }
}
