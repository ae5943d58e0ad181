package dev.parley.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.parley.platform.LoopbackPortOwner.Foreign;
import dev.parley.platform.LoopbackPortOwner.Own;
import dev.parley.platform.LoopbackPortOwner.Unknown;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Whose listener a connection to 127.0.0.1:PORT reaches, read from /proc/net/tcp and tcp6. */
class LoopbackPortOwnerTest {

    private static final String TCP_HEADER = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when"
            + " retrnsmt   uid  timeout inode\n";
    private static final String TCP6_HEADER = "  sl  local_address                         remote_address"
            + "                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";

    /** A row of /proc/net/tcp: port 8765 is 0x223D; 127.0.0.1 is printed 0100007F (little-endian). */
    private static String row(String localAddress, String state, int uid) {
        return "   0: " + localAddress + " 00000000:0000 " + state + " 00000000:00000000 00:00000000 00000000  "
                + uid + "        0 81234 1 0000000000000000 100 0 0 10 0\n";
    }

    @Test
    void aListenerOfAnotherUserOnLoopbackIsForeign() {
        String table = TCP_HEADER + row("0100007F:223D", "0A", 1001);

        assertThat(LoopbackPortOwner.of(table, 8765, 1000)).isEqualTo(new Foreign(1001));
    }

    @Test
    void ourOwnListenerOnLoopbackIsOurs() {
        String table = TCP_HEADER + row("0100007F:223D", "0A", 1000);

        assertThat(LoopbackPortOwner.of(table, 8765, 1000)).isEqualTo(new Own());
    }

    @Test
    void aListenerOnAnyAddressTakesLoopbackConnectionsSoItCountsToo() {
        String table = TCP_HEADER + row("00000000:223D", "0A", 1001);

        assertThat(LoopbackPortOwner.of(table, 8765, 1000)).isEqualTo(new Foreign(1001));
    }

    @Test
    void otherPortsOtherStatesAndOtherAddressesAreNotTheListener() {
        String table = TCP_HEADER
                + row("0100007F:223E", "0A", 1001) // port 8766
                + row("0100007F:223D", "01", 1001) // an established connection from that port, not a listener
                + row("0201A8C0:223D", "0A", 1001); // 192.168.1.2, which 127.0.0.1 does not reach

        assertThat(LoopbackPortOwner.of(table, 8765, 1000)).isEqualTo(new Unknown());
    }

    @Test
    void ipv6LoopbackAnyAndMappedIpv4AreReadWordByWord() {
        String loopback = "00000000000000000000000001000000:223D"; // ::1
        String any = "00000000000000000000000000000000:223D"; // ::
        String mapped = "0000000000000000FFFF00000100007F:223D"; // ::ffff:127.0.0.1
        String global = "B80D0120000000000000000001000000:223D"; // 2001:db8::1

        assertThat(LoopbackPortOwner.of(TCP6_HEADER + row(loopback, "0A", 1001), 8765, 1000)).isEqualTo(new Foreign(1001));
        assertThat(LoopbackPortOwner.of(TCP6_HEADER + row(any, "0A", 1001), 8765, 1000)).isEqualTo(new Foreign(1001));
        assertThat(LoopbackPortOwner.of(TCP6_HEADER + row(mapped, "0A", 1001), 8765, 1000)).isEqualTo(new Foreign(1001));
        assertThat(LoopbackPortOwner.of(TCP6_HEADER + row(global, "0A", 1001), 8765, 1000)).isEqualTo(new Unknown());
    }

    @Test
    void aForeignListenerIsFoundAmongOurs() {
        String table = TCP_HEADER + row("0100007F:223D", "0A", 1000) + row("00000000:223D", "0A", 1001);

        assertThat(LoopbackPortOwner.of(table, 8765, 1000)).isEqualTo(new Foreign(1001));
    }

    @Test
    void aServerSocketOfThisProcessIsFoundAsOurOwn() throws Exception {
        assumeThat(Files.isReadable(Path.of("/proc/net/tcp"))).isTrue();
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(LoopbackPortOwner.of(listener.getLocalPort())).isEqualTo(new Own());
        }
    }

    @Test
    void aPortNobodyListensOnIsUnknown() throws Exception {
        assumeThat(Files.isReadable(Path.of("/proc/net/tcp"))).isTrue();
        int port;
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = listener.getLocalPort();
        }

        assertThat(LoopbackPortOwner.of(port)).isEqualTo(new Unknown());
    }
}
