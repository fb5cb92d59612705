package dev.portcullis.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.core.config.ConfigException;
import dev.portcullis.server.ServerConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code server.console_*} and {@code --console-listen}: defaults, off, and messages that name the key and value. */
class ConsoleConfigTest {

    @Test
    void defaultsToLoopback8081For15IdleMinutes() {
        ConsoleConfig c = ServerConfig.fromMap(Map.of()).console();
        assertThat(c).isEqualTo(new ConsoleConfig(true, "127.0.0.1", 8081, 15, false));
        assertThat(new ServerConfig("127.0.0.1", 0, null, "X-API-Key", 4096, 10).console().enabled()).isFalse();
    }

    @Test
    void readsTheConfigFileKeys() {
        ConsoleConfig c = ServerConfig.fromMap(Map.of("console_listen", "10.1.2.3:9443", "console_idle_minutes", "30",
                "console_secure_cookie", "true")).console();
        assertThat(c).isEqualTo(new ConsoleConfig(true, "10.1.2.3", 9443, 30, true));
        assertThat(ServerConfig.fromMap(Map.of("console_listen", "[::1]:8081")).console().host()).isEqualTo("::1");
    }

    @Test
    void offTurnsItOffAlsoAsYamlReadsIt() {
        assertThat(ServerConfig.fromMap(Map.of("console_listen", "off")).console().enabled()).isFalse();
        assertThat(ServerConfig.fromMap(Map.of("console_listen", "false")).console().enabled()).isFalse();
        assertThat(ServerConfig.DEFAULTS.withConsoleListen("off").console().enabled()).isFalse();
    }

    @Test
    void badValuesAreNamedWithKeyAndValue() {
        assertThatThrownBy(() -> ServerConfig.fromMap(Map.of("console_listen", "somewhere")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("server.console_listen: 'somewhere' is not HOST:PORT");
        assertThatThrownBy(() -> ServerConfig.fromMap(Map.of("console_listen", "127.0.0.1:70000")))
                .hasMessageContaining("server.console_listen");
        assertThatThrownBy(() -> ServerConfig.fromMap(Map.of("console_idle_minutes", "0")))
                .hasMessageContaining("server.console_idle_minutes: 0 is out of range; allowed 1..480");
        assertThatThrownBy(() -> ServerConfig.fromMap(Map.of("console_idle_minutes", "481", "flush_millis", "0")))
                .hasMessageContaining("console_idle_minutes").hasMessageContaining("flush_millis");
        assertThatThrownBy(() -> ServerConfig.DEFAULTS.withConsoleListen("8081"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--console-listen: '8081' is not HOST:PORT or off");
        assertThatThrownBy(() -> ServerConfig.DEFAULTS.withConsoleListen("h:x"))
                .hasMessage("--console-listen: 'h:x' has a port that is not a whole number");
    }
}
