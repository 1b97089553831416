package dev.backbone.deploy.live;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names in a Prometheus text exposition: family names and sample names. */
final class Exported {
    private static final Pattern META = Pattern.compile("(?m)^# (?:TYPE|HELP) ([a-zA-Z_:][a-zA-Z0-9_:]*)");
    private static final Pattern SAMPLE = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");

    private Exported() {}

    static Set<String> names(String exposition) {
        Set<String> names = new TreeSet<>();
        for (Pattern p : new Pattern[] {META, SAMPLE}) {
            Matcher m = p.matcher(exposition);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
