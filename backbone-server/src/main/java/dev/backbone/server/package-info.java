/** The BackBone HTTP service. */
package dev.backbone.server;
