package dev.backbone.cli.daemon;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a client asks the daemon to run: its working directory, arguments and whole environment
 * (the CLI reads {@code NO_COLOR}, {@code TEMPLATE_DIR}, {@code BACKBONE_*}, tracing variables;
 * the socket only its user can open carries it, and nothing of it is logged), what its
 * standard streams are connected to, and the charset a normal run would print in.
 */
record Request(String cwd, List<String> args, Map<String, String> env, boolean ttyOut, boolean ttyErr, boolean console,
        String charset) {

    byte[] encode() throws IOException {
        return Frames.bytes(out -> {
            out.writeInt(Frames.PROTOCOL);
            Frames.writeString(out, cwd);
            out.writeInt(args.size());
            for (String a : args) {
                Frames.writeString(out, a);
            }
            out.writeInt(env.size());
            for (Map.Entry<String, String> e : env.entrySet()) {
                Frames.writeString(out, e.getKey());
                Frames.writeString(out, e.getValue());
            }
            out.writeBoolean(ttyOut);
            out.writeBoolean(ttyErr);
            out.writeBoolean(console);
            Frames.writeString(out, charset);
        });
    }

    static Request decode(byte[] data) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
        int protocol = in.readInt();
        if (protocol != Frames.PROTOCOL) {
            throw new IOException("protocol " + protocol + ", expected " + Frames.PROTOCOL);
        }
        String cwd = Frames.readString(in);
        int n = in.readInt();
        String[] args = new String[n];
        for (int i = 0; i < n; i++) {
            args[i] = Frames.readString(in);
        }
        int m = in.readInt();
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < m; i++) {
            env.put(Frames.readString(in), Frames.readString(in));
        }
        return new Request(cwd, List.of(args), env, in.readBoolean(), in.readBoolean(), in.readBoolean(), Frames.readString(in));
    }

    /** Whether the command reads standard input ({@code -} as the schema). */
    boolean readsStdin() {
        return args.contains("-");
    }
}
