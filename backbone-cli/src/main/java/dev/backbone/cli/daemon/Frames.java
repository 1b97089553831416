package dev.backbone.cli.daemon;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * The daemon's wire format: frames of one type byte, a length (4 bytes, big-endian) and that
 * many bytes. JDK classes only, so that the client starts on a minimal class path.
 *
 * <p>The streams read and write the channel directly: {@code Channels.newInputStream} holds the
 * channel's blocking lock while it waits for input, which would stop the command's output while
 * the daemon waits for the client's next frame (standard input, or the end that says Ctrl-C).
 */
final class Frames {

    /** Bumped when the request's layout changes: client and daemon of one build always agree, this guards the rest. */
    static final int PROTOCOL = 1;

    // client -> daemon
    static final byte REQUEST = 'R';
    static final byte STDIN = 'I';
    static final byte STATUS = '?';
    static final byte STOP = 'S';
    // daemon -> client
    static final byte ACCEPTED = 'A';
    static final byte BUSY = 'B';
    static final byte OUT = 'O';
    static final byte ERR = 'E';
    static final byte EXIT = 'X';
    static final byte LOCAL = 'L';
    static final byte TEXT = 'T';
    /** The command started reading standard input: only now does the client send it. */
    static final byte WANT_STDIN = 'W';

    private static final int MAX = 64 << 20;

    record Frame(byte type, byte[] data) {
        int exitCode() {
            return ByteBuffer.wrap(data).getInt();
        }

        String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    private Frames() {}

    static void write(OutputStream out, byte type, byte[] data, int off, int len) throws IOException {
        byte[] head = {type, (byte) (len >>> 24), (byte) (len >>> 16), (byte) (len >>> 8), (byte) len};
        synchronized (out) {
            out.write(head);
            out.write(data, off, len);
            out.flush();
        }
    }

    static void write(OutputStream out, byte type, byte[] data) throws IOException {
        write(out, type, data, 0, data.length);
    }

    static void writeInt(OutputStream out, byte type, int value) throws IOException {
        write(out, type, ByteBuffer.allocate(4).putInt(value).array());
    }

    static void writeText(OutputStream out, byte type, String text) throws IOException {
        write(out, type, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The next frame, or null at the end of the stream. */
    static Frame read(DataInputStream in) throws IOException {
        int type = in.read();
        if (type < 0) {
            return null;
        }
        int len;
        try {
            len = in.readInt();
        } catch (EOFException e) {
            return null;
        }
        if (len < 0 || len > MAX) {
            throw new IOException("bad frame length " + len);
        }
        byte[] data = new byte[len];
        in.readFully(data);
        return new Frame((byte) type, data);
    }

    static DataInputStream input(SocketChannel ch) {
        return new DataInputStream(new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return len == 0 ? 0 : ch.read(ByteBuffer.wrap(b, off, len));
            }
        });
    }

    static OutputStream output(SocketChannel ch) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ByteBuffer buf = ByteBuffer.wrap(b, off, len);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
        };
    }

    /** Strings as a length and UTF-8 bytes (DataOutput's own UTF is limited to 64 KiB). */
    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readString(DataInputStream in) throws IOException {
        int len = in.readInt();
        if (len < 0 || len > MAX) {
            throw new IOException("bad string length " + len);
        }
        byte[] b = new byte[len];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    static byte[] bytes(IoWriter w) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(b);
        w.write(d);
        d.flush();
        return b.toByteArray();
    }

    interface IoWriter {
        void write(DataOutputStream out) throws IOException;
    }
}
