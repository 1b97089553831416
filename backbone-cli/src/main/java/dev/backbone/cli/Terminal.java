package dev.backbone.cli;

import java.util.Map;

/**
 * What the CLI's standard output and standard error are connected to, decided once per run:
 * colours only on a terminal and only when {@code NO_COLOR} is unset (no-color.org) and
 * {@code TERM} is not {@code dumb}; progress only when standard error is a terminal.
 *
 * <p>Java 17 cannot ask whether one stream is a terminal, so the launcher, which can
 * ({@code [ -t 1 ]}, {@code [ -t 2 ]}), passes {@code -Dbackbone.tty.out} and
 * {@code -Dbackbone.tty.err}; without them ({@code java -jar}) a console on standard input
 * and output stands for both.
 */
record Terminal(boolean outIsTerminal, boolean errIsTerminal, boolean colour, boolean errColour) {

    /** Neither stream is a terminal: what tests and pipes see. */
    static final Terminal PLAIN = new Terminal(false, false, false, false);

    static Terminal detect() {
        return detect(System.getenv(), System.getProperty("backbone.tty.out"), System.getProperty("backbone.tty.err"),
                System.console() != null);
    }

    static Terminal detect(Map<String, String> env, String ttyOut, String ttyErr, boolean console) {
        boolean out = ttyOut != null ? Boolean.parseBoolean(ttyOut) : console;
        boolean err = ttyErr != null ? Boolean.parseBoolean(ttyErr) : console;
        String noColor = env.get("NO_COLOR");
        boolean allowed = (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
        return new Terminal(out, err, out && allowed, err && allowed);
    }
}
