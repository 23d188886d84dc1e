package io.cpeoperator.bridge.cwmp.testing;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.concurrent.TimeUnit;

/** Server key stores made at test time with the JDK's keytool: a self-signed EC certificate for 127.0.0.1. */
public final class TestKeyStores {

    public static final String PASSWORD = "changeit";
    public static final String ALIAS = "acs";

    private TestKeyStores() {
    }

    /** A PKCS12 key store at {@code file} with a fresh key pair under {@link #ALIAS}. */
    public static Path generate(Path file) throws Exception {
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-storetype", "PKCS12",
                "-keystore", file.toString(), "-storepass", PASSWORD, "-dname", "CN=127.0.0.1",
                "-ext", "san=ip:127.0.0.1", "-validity", "2")
                .redirectErrorStream(true).start();
        keytool.getInputStream().transferTo(OutputStream.nullOutputStream());
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool failed to make " + file);
        }
        return file;
    }

    public static Certificate certificate(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store.getCertificate(ALIAS);
    }
}
