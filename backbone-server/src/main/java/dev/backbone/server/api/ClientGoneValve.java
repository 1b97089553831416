package dev.backbone.server.api;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Answers nothing to a client that closed its connection mid-upload. Tomcat itself would send
 * a 400 error page to the half-closed socket; once the request is marked ({@link #ATTRIBUTE},
 * set where the body read failed), this valve closes the connection instead (Tomcat's
 * {@code CLOSE_NOW}, which also skips the error page).
 */
public final class ClientGoneValve extends ValveBase {

    static final String ATTRIBUTE = ClientGoneValve.class.getName() + ".gone";

    /** Marks the request's client as gone: nothing more is answered, the connection is closed. */
    public static void markGone(jakarta.servlet.http.HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, Boolean.TRUE);
    }

    ClientGoneValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        if (request.getAttribute(ATTRIBUTE) != null) {
            response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, null);
        }
    }
}
