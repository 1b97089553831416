package dev.backbone.core.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one wording of a finding code: literal text with named slots ({@code {table}}), filled in
 * the order they appear. Checks write the slots' values, never the sentence, so a code reads the
 * same whichever check raises it; {@link #matches} tells whether a message has this wording.
 *
 * <p>A slot is a lower-case name in braces; a brace followed by anything else is text (the
 * messages quote JSON such as {@code {"name": "id"}}). A name used twice takes one value.
 */
public final class MessageTemplate {

    private static final Pattern SLOT = Pattern.compile("\\{([a-z][a-z_]*)\\}");

    private final String text;
    private final List<String> literals;
    /** The distinct slot names, in order of first use; {@code uses[i]} is the slot of the i-th brace. */
    private final List<String> slots;
    private final int[] uses;
    private final Pattern pattern;

    public MessageTemplate(String text) {
        this.text = text;
        List<String> lit = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Integer> used = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        Matcher m = SLOT.matcher(text);
        int end = 0;
        while (m.find()) {
            lit.add(text.substring(end, m.start()));
            if (!names.contains(m.group(1))) {
                names.add(m.group(1));
            }
            used.add(names.indexOf(m.group(1)));
            regex.append(Pattern.quote(text.substring(end, m.start()))).append("(.*?)");
            end = m.end();
        }
        lit.add(text.substring(end));
        regex.append(Pattern.quote(text.substring(end)));
        this.literals = List.copyOf(lit);
        this.slots = List.copyOf(names);
        this.uses = used.stream().mapToInt(Integer::intValue).toArray();
        this.pattern = Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** The template as written, slots in braces. */
    public String text() {
        return text;
    }

    /** The slots' names, each once, in order of first use: the order {@link #fill} takes values in. */
    public List<String> slots() {
        return slots;
    }

    /** The text with {@code args} in the slots: one value per slot name, in the order of {@link #slots}. */
    public String fill(Object... args) {
        if (args.length != slots.size()) {
            throw new IllegalArgumentException("the template \"" + text + "\" has " + slots.size() + " slots "
                    + slots + ", given " + args.length + " values");
        }
        StringBuilder b = new StringBuilder(text.length() + 16 * args.length);
        for (int i = 0; i < uses.length; i++) {
            b.append(literals.get(i)).append(args[uses[i]]);
        }
        return b.append(literals.get(uses.length)).toString();
    }

    /** Whether {@code message} is this template with some text in each slot. */
    public boolean matches(String message) {
        return pattern.matcher(message).matches();
    }
}
