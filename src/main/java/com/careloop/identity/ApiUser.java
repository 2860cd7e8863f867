package com.careloop.identity;

import java.util.Set;

/** The Camunda user behind an API request. */
public record ApiUser(String id, Set<String> groups) {

    public static final String REQUEST_ATTRIBUTE = ApiUser.class.getName();
}
