/** Module numbering: business numbers (FU-…, FB…). */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package com.careloop.numbering;
