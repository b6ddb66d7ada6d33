<?php
/**
 * The element tags, with their documented attributes only, allowed through kses for the roles
 * the site chose (Settings → Venue widgets). Never a <script>: the plugin loads the modules itself.
 *
 * @package VenueWidgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * Whether the current user may write the tags directly.
 *
 * @return bool
 */
function venue_widgets_user_may_write_tags() {
	$user = wp_get_current_user();
	return $user->exists() && (bool) array_intersect( (array) $user->roles, venue_widgets_settings()['tag_roles'] );
}

/**
 * Adds the tags to the post context's allowed HTML.
 *
 * @param array  $allowed Allowed tags and attributes.
 * @param string $context The kses context.
 * @return array
 */
function venue_widgets_allowed_html( $allowed, $context ) {
	if ( 'post' !== $context || ! venue_widgets_user_may_write_tags() ) {
		return $allowed;
	}
	foreach ( venue_widgets_elements() as $tag => $element ) {
		$allowed[ $tag ] = array_fill_keys( array_keys( $element['attributes'] ), true );
	}
	return $allowed;
}
add_filter( 'wp_kses_allowed_html', 'venue_widgets_allowed_html', 10, 2 );

/**
 * URL attributes get kses's protocol check (no javascript: in a purchase link).
 *
 * @param string[] $attributes Attribute names holding URLs.
 * @return string[]
 */
function venue_widgets_uri_attributes( $attributes ) {
	return array_merge( $attributes, array( 'api-base', 'purchase-url', 'production-url', 'decoder-url' ) );
}
add_filter( 'wp_kses_uri_attributes', 'venue_widgets_uri_attributes' );
