package org.wren4j.exec.job;

import static java.util.Objects.requireNonNull;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.wren4j.exec.queue.TaskMessage;

/**
 * A job's secret: a random 256-bit key that signs the job's task messages (HMAC-SHA256 of
 * {@link TaskMessage#signedBytes()}), and the HMAC of the job's stored spec, which certifies the
 * spec (its program and the tiles it may read and write) as the one its client submitted. It is
 * kept only with the job's runtime state (behind the state store's AUTH and TLS), never in a
 * message, a spec, a log or a {@code toString()}: whoever can write to the queue or the bucket but
 * cannot read the state can neither forge a task nor swap a spec.
 */
public final class JobKey {
    private static final String ALGORITHM = "HmacSHA256";
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] key;
    private final byte[] specMac;

    private JobKey(byte[] key, byte[] specMac) {
        this.key = key;
        this.specMac = specMac;
    }

    /** A fresh key for {@code spec}, certifying it. */
    public static JobKey generate(JobSpec spec) {
        requireNonNull(spec, "spec is null");
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return new JobKey(key, mac(key, JobSpecCodec.encode(spec)));
    }

    /**
     * The key as {@link #encode()} wrote it.
     *
     * @throws IllegalArgumentException if {@code stored} is not an encoded job key (the message holds none of it)
     */
    public static JobKey decode(String stored) {
        requireNonNull(stored, "stored is null");
        int dot = stored.indexOf('.');
        try {
            if (dot < 0) {
                throw new IllegalArgumentException();
            }
            byte[] key = Base64.getDecoder().decode(stored.substring(0, dot));
            byte[] specMac = Base64.getDecoder().decode(stored.substring(dot + 1));
            if (key.length != KEY_BYTES || specMac.length != KEY_BYTES) {
                throw new IllegalArgumentException();
            }
            return new JobKey(key, specMac);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an encoded job key (" + stored.length() + " characters)");
        }
    }

    /** The form the runtime state keeps: the key and the spec's HMAC, base64. A secret: never log it. */
    public String encode() {
        return Base64.getEncoder().encodeToString(key) + "." + Base64.getEncoder().encodeToString(specMac);
    }

    /** Whether {@code spec} is the spec this key was generated for (compared in constant time). */
    public boolean certifies(JobSpec spec) {
        return MessageDigest.isEqual(specMac, mac(key, JobSpecCodec.encode(spec)));
    }

    /** {@code message}, signed. */
    public TaskMessage sign(TaskMessage message) {
        return message.withSignature(HEX.formatHex(mac(key, message.signedBytes())));
    }

    /** Whether {@code message} carries this key's signature of its fields (compared in constant time). */
    public boolean verifies(TaskMessage message) {
        String signature = message.signature();
        if (signature.length() != 2 * KEY_BYTES) {
            return false;
        }
        byte[] given;
        try {
            given = HEX.parseHex(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(given, mac(key, message.signedBytes()));
    }

    private static byte[] mac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no " + ALGORITHM, e); // every Java SE JVM has it
        }
    }

    @Override
    public String toString() {
        return "JobKey[redacted]";
    }
}
