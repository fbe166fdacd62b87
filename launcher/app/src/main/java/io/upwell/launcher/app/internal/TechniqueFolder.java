package io.upwell.launcher.app.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.osgi.framework.BundleContext;

/**
 * The folder watched for technique modules and program files: {@value #FOLDER_NAME} in the engine's
 * data directory. Felix FileInstall watches the folder named by {@value #FILEINSTALL_DIR}; the
 * launcher sets it (as a system property, which the framework consults when it has no property of
 * that name) before FileInstall starts, so that FileInstall never falls back to its own default,
 * {@code ./load}.
 */
final class TechniqueFolder {

    /** FileInstall's setting for the folder it watches. */
    static final String FILEINSTALL_DIR = "felix.fileinstall.dir";
    /** The folder's name inside the data directory. */
    static final String FOLDER_NAME = "techniques";
    /** The engine's data directory when none is given ({@code upwell.data}). */
    static final String DEFAULT_DATA_DIRECTORY = "upwell-data";

    private TechniqueFolder() {
    }

    /**
     * Makes sure FileInstall has a folder to watch: the one configured, or the data directory's
     * {@value #FOLDER_NAME}, created if missing.
     *
     * @return the folder, absolute
     * @throws IllegalStateException naming the folder when it cannot be created
     */
    static Path prepare(BundleContext context) {
        String configured = context.getProperty(FILEINSTALL_DIR);
        Path folder;
        if (configured != null && !configured.isBlank()) {
            folder = Path.of(configured.trim());
        } else {
            String data = context.getProperty(io.upwell.api.session.EngineProperties.DATA_DIRECTORY_PROPERTY);
            folder = Path.of(data == null || data.isBlank() ? DEFAULT_DATA_DIRECTORY : data.trim(), FOLDER_NAME);
            System.setProperty(FILEINSTALL_DIR, folder.toString());
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException | SecurityException e) {
            throw new IllegalStateException("the technique folder " + folder.toAbsolutePath() + " cannot be created: "
                    + e.getMessage(), e);
        }
        return folder.toAbsolutePath().normalize();
    }

    /** The folder FileInstall watches, if one is set. */
    static Optional<Path> configured(BundleContext context) {
        String configured = context.getProperty(FILEINSTALL_DIR);
        return configured == null || configured.isBlank() ? Optional.empty()
                : Optional.of(Path.of(configured.trim()).toAbsolutePath().normalize());
    }
}
