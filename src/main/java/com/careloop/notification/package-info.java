/** Module notification: e-mail and SMS channels, templates, delivery log. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"customer"})
package com.careloop.notification;
