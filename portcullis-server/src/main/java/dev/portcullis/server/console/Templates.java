package dev.portcullis.server.console;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * The console's JTE templates ({@code src/main/jte}), compiled to classes at build time by the
 * jte-maven-plugin, so nothing is compiled at run time. Content type HTML: every {@code ${…}} is
 * escaped for where it stands (text, attribute). Thread-safe.
 */
final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html, null, PACKAGE);
    /** The jte-maven-plugin's {@code packageName}: this package, so templates see the pages' models. */
    static final String PACKAGE = "dev.portcullis.server.console";

    /** Renders {@code name} (e.g. "now.jte") with its parameters. */
    String render(String name, Map<String, Object> params) {
        StringOutput out = new StringOutput(8192);
        engine.render(name, params, out);
        return out.toString();
    }
}
