package io.reelgate.server.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One loopback port serving HTTP and a WebSocket, as ComfyUI does: the JDK's HttpServer cannot upgrade a
 * connection, so this front answers {@code GET /ws?clientId=} upgrades itself (RFC 6455 handshake, unmasked text
 * frames out, client frames dropped) and pipes every other connection to the HttpServer behind it. Stopping closes
 * the port and cuts every open connection, like a machine that went away.
 */
final class WebSocketFront implements AutoCloseable {

    /** Told when a client's socket opens and closes. */
    interface Sockets {
        void opened(String clientId, OutputStream out);

        void closed(String clientId, OutputStream out);
    }

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final int backendPort;
    private final Sockets sockets;
    private final int port;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private volatile ServerSocket listener;

    WebSocketFront(int backendPort, Sockets sockets) {
        this.backendPort = backendPort;
        this.sockets = sockets;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        port = listener.getLocalPort();
        accept(listener);
    }

    int port() {
        return port;
    }

    void stop() {
        closeQuietly(listener);
        connections.forEach(WebSocketFront::closeQuietly);
        connections.clear();
    }

    /** Listens again on the same port. */
    void start() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            listener = socket;
            accept(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
        threads.shutdownNow();
    }

    /** Writes one unmasked text frame; a client that went away is ignored (ComfyUI does not buffer either). */
    static void sendText(OutputStream out, String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x81);
        if (payload.length < 126) {
            frame.write(payload.length);
        } else {
            frame.write(126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xff);
        }
        frame.writeBytes(payload);
        try {
            synchronized (out) {
                out.write(frame.toByteArray());
                out.flush();
            }
        } catch (IOException e) {
            // gone
        }
    }

    private void accept(ServerSocket socket) {
        threads.execute(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    connections.add(client);
                    threads.execute(() -> serve(client));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    /** Reads the first request's head: a WebSocket upgrade is answered here, anything else is piped to HTTP. */
    private void serve(Socket client) {
        try {
            InputStream in = client.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    closeQuietly(client);
                    return;
                }
                head.write(b);
            }
            String request = head.toString(StandardCharsets.ISO_8859_1);
            if (request.startsWith("GET /ws?") && request.toLowerCase(Locale.ROOT).contains("upgrade: websocket")) {
                webSocket(client, request);
            } else {
                pipe(client, head.toByteArray());
            }
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private void webSocket(Socket client, String request) throws IOException {
        String clientId = clientId(request.substring(request.indexOf('?') + 1, request.indexOf(' ', 4)));
        OutputStream out = client.getOutputStream();
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept(header(request, "sec-websocket-key")) + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        sockets.opened(clientId, out);
        InputStream in = client.getInputStream();
        while (in.read() >= 0) {
            // client frames (close, pong) are dropped until the connection ends
        }
        sockets.closed(clientId, out);
        closeQuietly(client);
    }

    private void pipe(Socket client, byte[] head) throws IOException {
        Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort);
        connections.add(backend);
        backend.getOutputStream().write(head);
        threads.execute(() -> copy(backend, client));
        copy(client, backend);
    }

    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static String accept(String key) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clientId(String query) {
        for (String pair : query.split("&")) {
            if (pair.startsWith("clientId=")) {
                return URLDecoder.decode(pair.substring("clientId=".length()), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private static String header(String request, String name) {
        for (String line : request.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return "";
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
