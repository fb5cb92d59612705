package dev.portcullis.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.server.Route.Access;
import dev.portcullis.server.Route.Lane;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The route table on its own: which row a request finds, and why none. */
class RouterTest {
    static final Route.Handler NOTHING = c -> Reply.raw(200, "{}");

    final Router router = new Router()
            .add("GET", "/api/blocks", Access.READ, Lane.ADMIN, NOTHING)
            .add("POST", "/api/blocks", Access.ADMIN, Lane.ADMIN, NOTHING)
            .add(Router.ANY, "/healthz", Access.NONE, Lane.LOOP, NOTHING)
            .add("GET", "/api/incidents/{id}", Access.READ, Lane.ADMIN, NOTHING)
            .add("POST", "/api/incidents/{id}/accounts/{account*}", Access.ADMIN, Lane.ADMIN, NOTHING)
            .add("GET", "/api/incidents/{id}/gdpr", Access.READ, Lane.ADMIN, NOTHING);

    @Test
    void literalAndPatternedPathsFindTheirRowWithItsParameters() {
        Router.Found f = (Router.Found) router.find("POST", "/api/blocks");
        assertThat(f.route().access()).isEqualTo(Access.ADMIN);
        assertThat(((Router.Found) router.find("DELETE", "/healthz")).route().pattern()).isEqualTo("/healthz");

        Router.Found one = (Router.Found) router.find("GET", "/api/incidents/INC-7");
        assertThat(one.params()).isEqualTo(Map.of("id", "INC-7"));
        Router.Found gdpr = (Router.Found) router.find("GET", "/api/incidents/INC-7/gdpr");
        assertThat(gdpr.route().pattern()).endsWith("/gdpr");
        Router.Found move = (Router.Found) router.find("POST", "/api/incidents/INC-7/accounts/a/b@example.org");
        assertThat(move.params()).isEqualTo(Map.of("id", "INC-7", "account", "a/b@example.org"));
    }

    @Test
    void aKnownPathWithAnotherMethodIsNotAllowedAndNamesTheMethodsItHas() {
        assertThat(router.find("DELETE", "/api/blocks")).isEqualTo(new Router.NotAllowed(List.of("GET", "POST")));
        assertThat(router.find("POST", "/api/incidents/INC-7")).isEqualTo(new Router.NotAllowed(List.of("GET")));
    }

    @Test
    void anUnknownPathIsNotFound() {
        for (String path : List.of("/api/nope", "/api/blocks/x", "/api/incidents", "/api/incidents//gdpr",
                "/api/incidents/INC-7/accounts", "/api/incidents/INC-7/gdpr/more", "/")) {
            assertThat(router.find("GET", path)).as(path).isInstanceOf(Router.NotFound.class);
        }
    }

    @Test
    void aRouteThatChecksATokenCannotRunOnTheEventLoop() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Router().add("GET", "/api/state", Access.READ, Lane.LOOP, NOTHING));
        assertThat(e.getMessage()).contains("/api/state").contains("Lane.ADMIN");
    }
}
