package io.reelgate.server.engine.preview;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.MultipleGradientPaint.CycleMethod;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;

/**
 * Text-to-video placeholder: a slowly turning gradient with drifting glowing orbs and waves, every colour and path
 * derived from the prompt so the same prompt always gives the same clip. The gradient and the orbs hold no detail,
 * so they are painted at a quarter of the size and stretched: Java2D computes gradients pixel by pixel, and at full
 * size they cost most of a render. The waves are thin lines and are drawn at full size.
 */
final class ProceduralPainter implements FramePainter {

    private static final int ORBS = 6;
    private static final int WAVES = 3;
    private static final int WAVE_POINTS = 48;
    private static final Color WAVE_COLOUR = new Color(255, 255, 255, 70);
    /** How much smaller the gradient and the orbs are painted than the frame. */
    private static final int FIELD_REDUCTION = 4;

    private final int width;
    private final int height;
    private final float baseHue;
    private final double gradientAngle;
    private final double gradientSpeed;
    private final Orb[] orbs = new Orb[ORBS];
    private final Wave[] waves = new Wave[WAVES];
    private final Path2D.Float wavePath = new Path2D.Float();
    /** The gradient and the orbs, at 1 / FIELD_REDUCTION of the frame in each direction. */
    private final BufferedImage field;
    private final float fieldScaleX;
    private final float fieldScaleY;

    ProceduralPainter(String prompt, int width, int height) {
        this.width = width;
        this.height = height;
        this.field = new BufferedImage(ceilDiv(width, FIELD_REDUCTION), ceilDiv(height, FIELD_REDUCTION),
                BufferedImage.TYPE_INT_RGB);
        this.fieldScaleX = field.getWidth() / (float) width;
        this.fieldScaleY = field.getHeight() / (float) height;
        Random random = new Random(seedOf(prompt));
        baseHue = random.nextFloat();
        gradientAngle = random.nextDouble() * 2 * Math.PI;
        gradientSpeed = (random.nextBoolean() ? 1 : -1) * (0.15 + random.nextDouble() * 0.2);
        int unit = Math.min(width, height);
        for (int i = 0; i < ORBS; i++) {
            Color color = Color.getHSBColor(baseHue + 0.5f * (i % 2) + (random.nextFloat() - 0.5f) * 0.2f,
                    0.45f + random.nextFloat() * 0.4f, 0.85f + random.nextFloat() * 0.15f);
            orbs[i] = new Orb(color, unit * (0.12 + random.nextDouble() * 0.22), random);
        }
        for (int i = 0; i < WAVES; i++) {
            waves[i] = new Wave(height * (0.25 + 0.5 * random.nextDouble()), height * (0.04 + 0.08 * random.nextDouble()),
                    1 + random.nextInt(3), 0.6 + random.nextDouble(), random.nextDouble() * 2 * Math.PI,
                    Math.max(2f, unit / 180f) * (1 + random.nextInt(3)));
        }
    }

    /** Same prompt, same seed, on every JVM. */
    static long seedOf(String prompt) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((prompt == null ? "" : prompt).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static int ceilDiv(int value, int divisor) {
        return (value + divisor - 1) / divisor;
    }

    @Override
    public void paint(BufferedImage canvas, double seconds, double progress) {
        Graphics2D fg = field.createGraphics();
        try {
            // painted in frame coordinates; the transform shrinks them onto the field
            fg.scale(fieldScaleX, fieldScaleY);
            paintBackground(fg, seconds);
            fg.setComposite(AlphaComposite.SrcOver);
            for (Orb orb : orbs) {
                orb.paint(fg, seconds);
            }
        } finally {
            fg.dispose();
        }
        Resampler.stretch(field, canvas);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(WAVE_COLOUR);
            for (Wave wave : waves) {
                wave.paint(g, seconds);
            }
        } finally {
            g.dispose();
        }
    }

    private void paintBackground(Graphics2D g, double seconds) {
        double angle = gradientAngle + gradientSpeed * seconds;
        double reach = Math.hypot(width, height) / 2;
        float cx = width / 2f;
        float cy = height / 2f;
        float dx = (float) (Math.cos(angle) * reach);
        float dy = (float) (Math.sin(angle) * reach);
        float hue = baseHue + (float) (seconds * 0.01);
        Color[] colors = {
                Color.getHSBColor(hue, 0.75f, 0.30f),
                Color.getHSBColor(hue + 0.08f, 0.70f, 0.55f),
                Color.getHSBColor(hue - 0.10f, 0.80f, 0.22f)};
        g.setComposite(AlphaComposite.Src);
        g.setPaint(new LinearGradientPaint(new Point2D.Float(cx - dx, cy - dy), new Point2D.Float(cx + dx, cy + dy),
                new float[] {0f, 0.5f, 1f}, colors, CycleMethod.REFLECT));
        g.fillRect(0, 0, width, height);
    }

    /** A soft disc following a Lissajous path across the frame. */
    private final class Orb {
        private final Color[] glow;
        private final double radius;
        private final double fx, fy, px, py, pulse;

        Orb(Color color, double radius, Random random) {
            int alpha = 90 + random.nextInt(80);
            this.glow = new Color[] {new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha),
                    new Color(color.getRed(), color.getGreen(), color.getBlue(), 0)};
            this.radius = radius;
            this.fx = 0.2 + random.nextDouble() * 0.5;
            this.fy = 0.2 + random.nextDouble() * 0.5;
            this.px = random.nextDouble() * 2 * Math.PI;
            this.py = random.nextDouble() * 2 * Math.PI;
            this.pulse = random.nextDouble() * 2 * Math.PI;
        }

        void paint(Graphics2D g, double t) {
            float x = (float) (width * (0.5 + 0.42 * Math.sin(fx * t + px)));
            float y = (float) (height * (0.5 + 0.42 * Math.sin(fy * t + py)));
            float r = (float) (radius * (1 + 0.15 * Math.sin(1.3 * t + pulse)));
            g.setPaint(new RadialGradientPaint(x, y, r, new float[] {0f, 1f}, glow));
            g.fillRect((int) (x - r), (int) (y - r), (int) (2 * r) + 1, (int) (2 * r) + 1);
        }
    }

    /** A thin sine line travelling sideways. */
    private final class Wave {
        private final double baseline, amplitude, cycles, speed, phase;
        private final BasicStroke stroke;

        Wave(double baseline, double amplitude, int cycles, double speed, double phase, float thickness) {
            this.baseline = baseline;
            this.amplitude = amplitude;
            this.cycles = cycles;
            this.speed = speed;
            this.phase = phase;
            this.stroke = new BasicStroke(thickness, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        }

        void paint(Graphics2D g, double t) {
            wavePath.reset();
            for (int i = 0; i <= WAVE_POINTS; i++) {
                double x = width * i / (double) WAVE_POINTS;
                double y = baseline + amplitude * Math.sin(2 * Math.PI * cycles * i / WAVE_POINTS + phase + speed * t);
                if (i == 0) {
                    wavePath.moveTo(x, y);
                } else {
                    wavePath.lineTo(x, y);
                }
            }
            g.setStroke(stroke);
            g.draw(wavePath);
        }
    }
}
