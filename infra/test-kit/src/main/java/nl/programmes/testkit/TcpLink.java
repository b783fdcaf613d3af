package nl.programmes.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A link on loopback to a server (the test platform's MariaDB, say) that a test can cut and mend, so one service loses
 * its database while the others, and the tests beside it, keep theirs. Cut, it breaks every open connection off and
 * closes each new one as soon as it is taken, as a server that is going down does; mended, it passes bytes on again.
 */
public final class TcpLink implements AutoCloseable {

    private final ServerSocket listening;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean cut;

    public TcpLink(int targetPort) {
        this.targetPort = targetPort;
        try {
            listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread accepting = new Thread(this::accept, "tcp-link-" + listening.getLocalPort());
        accepting.setDaemon(true);
        accepting.start();
    }

    /** The port to connect to instead of the server's. */
    public int port() {
        return listening.getLocalPort();
    }

    public void cut() {
        cut = true;
        open.forEach(TcpLink::closeQuietly);
        open.clear();
    }

    public void mend() {
        cut = false;
    }

    @Override
    public void close() {
        cut();
        closeQuietly(listening);
    }

    private void accept() {
        while (!listening.isClosed()) {
            Socket client;
            try {
                client = listening.accept();
            } catch (IOException e) {
                return;
            }
            if (cut) {
                closeQuietly(client);
                continue;
            }
            try {
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(server);
                pipe(client, server);
                pipe(server, client);
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread copying = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // broken off: by cut(), or by either end
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "tcp-link-pipe");
        copying.setDaemon(true);
        copying.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
