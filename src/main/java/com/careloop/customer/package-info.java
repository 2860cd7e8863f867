/** Module customer: customer master data, CRM import (CSV, REST), consent / do-not-disturb. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"errors", "identity"})
package com.careloop.customer;
