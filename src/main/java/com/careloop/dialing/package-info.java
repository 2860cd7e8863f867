/**
 * Module dialing: the "拨打 Call" action of the call and re-visit tasks. The full number reaches only the assignee of
 * an open task for that customer, through a {@link com.careloop.dialing.Dialer} (reveal, or click-to-call on a CTI),
 * and every reveal or dial — refused ones too — is audited in table contact_access (written only here).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"customer", "errors", "feedback", "followup", "identity"})
package com.careloop.dialing;
