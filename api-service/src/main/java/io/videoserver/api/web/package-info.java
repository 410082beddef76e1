/**
 * Web plumbing of the api-service: its filter chain's order, request bodies read without
 * blocking and capped, the cross-site refusal, the rate limit, the OpenAPI document, and
 * the paging cursor and time formats every list shares.
 */
@NullMarked
package io.videoserver.api.web;

import org.jspecify.annotations.NullMarked;
