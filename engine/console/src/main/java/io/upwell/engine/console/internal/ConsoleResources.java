package io.upwell.engine.console.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * The console's static files: everything under {@code /console/} is read from this bundle's
 * {@code console} folder by the Servlet Whiteboard (the context reads resources from the bundle that
 * registers them). The service object itself carries nothing; its properties are the registration.
 */
@Component(service = ConsoleResources.class)
@HttpWhiteboardContextSelect(ConsoleContext.SELECT)
@HttpWhiteboardResource(pattern = ConsoleContext.ROOT + "/*", prefix = ConsoleContext.ROOT)
public final class ConsoleResources {
}
