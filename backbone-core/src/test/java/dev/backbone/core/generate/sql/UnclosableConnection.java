package dev.backbone.core.generate.sql;

import java.lang.reflect.Proxy;
import java.sql.Connection;

/** A view of a connection whose close() does nothing: lets an in-memory database outlive try-with-resources. */
record UnclosableConnection(Connection target) {

    Connection proxy() {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (p, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
