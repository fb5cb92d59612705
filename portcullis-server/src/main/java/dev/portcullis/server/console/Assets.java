package dev.portcullis.server.console;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Where the console's scripts and styles are: WebJars on the classpath (versions read from the jars'
 * own {@code pom.properties}, so a version bump in the pom needs no change here) and the console's
 * own files under {@code /static}. Nothing comes from a CDN.
 */
public final class Assets {
    public static final String HTMX = "/webjars/htmx.org/" + version("htmx.org") + "/dist/htmx.min.js";
    public static final String UPLOT_JS = "/webjars/uplot/" + version("uplot") + "/dist/uPlot.iife.min.js";
    public static final String UPLOT_CSS = "/webjars/uplot/" + version("uplot") + "/dist/uPlot.min.css";
    public static final String CSS = "/static/console.css";
    public static final String JS = "/static/console.js";

    private Assets() {}

    private static String version(String artifact) {
        String path = "/META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
        try (InputStream in = Assets.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the " + artifact + " WebJar is not on the classpath (" + path + ")");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }
}
