package io.reelgate.server.testsupport;

import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/**
 * Plays the third-party host a user's {@code imageUrl} or {@code videoUrl} points at: serves generated images,
 * videos (and broken files) on loopback.
 */
public final class ImageHost implements AutoCloseable {

    private final HttpServer server;
    private record File(byte[] body, String contentType, long delayMillis) {
    }

    private final Map<String, File> files = new ConcurrentHashMap<>();
    private final Map<String, Integer> requests = new ConcurrentHashMap<>();

    public ImageHost() {
        this(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    /** A host on a chosen address and port, e.g. a second loopback address standing in for a public host. */
    public ImageHost(InetSocketAddress address) {
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            requests.merge(exchange.getRequestURI().getPath(), 1, Integer::sum);
            File file = files.get(exchange.getRequestURI().getPath());
            if (file != null && file.delayMillis() > 0) {
                try {
                    // kept: a slow image host is what serveSlowly tests (it must answer late), not a wait
                    Thread.sleep(file.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (file == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.getResponseHeaders().add("Content-Type", file.contentType());
                exchange.sendResponseHeaders(200, file.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(file.body());
                }
            }
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** How many requests asked for {@code path}. */
    public int requests(String path) {
        return requests.getOrDefault(path, 0);
    }

    /** How many requests arrived at all. */
    public int requests() {
        return requests.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Publishes bytes at {@code path} and returns the URL. */
    public String serve(String path, byte[] body) {
        return serve(path, body, "image/png");
    }

    public String serve(String path, byte[] body, String contentType) {
        files.put(path, new File(body, contentType, 0));
        return url(path);
    }

    /** Answers only after {@code delay}: a download that is still running when the test acts. */
    public String serveSlowly(String path, byte[] body, java.time.Duration delay) {
        files.put(path, new File(body, "image/png", delay.toMillis()));
        return url(path);
    }

    public void remove(String path) {
        files.remove(path);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** A PNG with a diagonal gradient and a few blocks, so pan and zoom visibly move content. */
    public static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(20, 60, 200), width, height, new Color(250, 200, 40)));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        for (int i = 0; i < 6; i++) {
            g.fillRect(i * width / 6, (i % 3) * height / 3, width / 12, height / 8);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
