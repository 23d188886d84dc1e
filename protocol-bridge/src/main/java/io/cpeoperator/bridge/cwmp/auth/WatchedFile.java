package io.cpeoperator.bridge.cwmp.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * A file that can be replaced under the running process, typically a key of a mounted Kubernetes Secret: has it
 * changed since it was last looked at? The kubelet updates a Secret by swapping a symlink, which file-watch APIs
 * miss, so callers poll; a change is a different resolved path, modification time or size.
 */
public final class WatchedFile {

    private record Version(Path realPath, FileTime modified, long size) {
    }

    private final Path path;
    private Version seen;

    public WatchedFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /** Remembers the file as it is now. */
    public synchronized void markSeen() throws IOException {
        seen = version();
    }

    /**
     * True when the file differs from when it was last seen (and it counts as seen now).
     *
     * @throws IOException when the file is gone or unreadable
     */
    public synchronized boolean changed() throws IOException {
        Version now = version();
        if (now.equals(seen)) {
            return false;
        }
        seen = now;
        return true;
    }

    /**
     * Forgets what was seen, so the next readable version counts as a change.
     *
     * @return false when nothing was remembered (it was forgotten already)
     */
    public synchronized boolean forget() {
        boolean had = seen != null;
        seen = null;
        return had;
    }

    private Version version() throws IOException {
        // toRealPath follows the ..data symlink of a mounted Secret: a swap shows even when time and size match
        return new Version(path.toRealPath(), Files.getLastModifiedTime(path), Files.size(path));
    }
}
