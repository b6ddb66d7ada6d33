<?php
/**
 * From attributes (a shortcode's or a block's) to an element tag: each value checked against the
 * element's documented attributes, site defaults filled in, everything escaped, the element's
 * module enqueued once for the page.
 *
 * @package VenueWidgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * Checks one attribute value.
 *
 * @param array  $spec  The attribute's definition (elements.php).
 * @param string $value The value as written.
 * @return string|null The value to output, or null when it is not acceptable.
 */
function venue_widgets_check_value( $spec, $value ) {
	$value = trim( (string) $value );
	switch ( $spec['type'] ) {
		case 'id':
			return preg_match( '/^[A-Za-z0-9._-]{1,64}$/', $value ) ? $value : null;
		case 'count':
			return preg_match( '/^[1-9][0-9]{0,3}$/', $value ) ? $value : null;
		case 'month':
			return preg_match( '/^[0-9]{4}-(0[1-9]|1[0-2])$/', $value ) ? $value : null;
		case 'locale':
			return preg_match( '/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/', $value ) ? $value : null;
		case 'list':
			return preg_match( '/^[a-z0-9_]+( *, *[a-z0-9_]+)*$/', $value ) ? $value : null;
		case 'enum':
			return in_array( $value, $spec['choices'], true ) ? $value : null;
		case 'bool':
			return in_array( strtolower( $value ), array( '', '1', 'true', 'yes', 'on' ), true ) ? '' : null;
		case 'timezone':
			return in_array( $value, timezone_identifiers_list(), true ) ? $value : null;
		case 'url':
		case 'url_template':
			// Placeholders such as {performanceId} are kept; the rest must be an http(s) URL.
			$probe = preg_replace( '/\{[A-Za-z]+\}/', 'x', $value );
			$parts = wp_parse_url( $probe );
			if ( preg_match( '/[\s"\'<>\\\\]/', $probe ) || empty( $parts['scheme'] ) || empty( $parts['host'] )
				|| ! in_array( strtolower( $parts['scheme'] ), array( 'http', 'https' ), true ) ) {
				return null;
			}
			return $value;
	}
	return null;
}

/**
 * The element's attributes from what a post wrote, plus the site's defaults.
 *
 * @param string $tag     Element tag.
 * @param array  $written Attribute name (tag spelling) => value, as written in the post.
 * @return array{attributes: array<string, string>, problems: string[]}
 */
function venue_widgets_resolve_attributes( $tag, $written ) {
	$element    = venue_widgets_elements()[ $tag ];
	$settings   = venue_widgets_settings();
	$attributes = array();
	$problems   = array();
	foreach ( (array) $written as $name => $value ) {
		if ( is_int( $name ) ) {
			// A bare word in a shortcode, e.g. [ticket-scanner hide-patron-names].
			$name  = strtolower( (string) $value );
			$value = '';
		}
		$name = strtolower( (string) $name );
		if ( ! isset( $element['attributes'][ $name ] ) ) {
			/* translators: 1: attribute name, 2: element tag. */
			$problems[] = sprintf( __( '"%1$s" is not an attribute of %2$s; left out.', 'venue-widgets' ), $name, $tag );
			continue;
		}
		$checked = venue_widgets_check_value( $element['attributes'][ $name ], $value );
		if ( null === $checked ) {
			/* translators: 1: attribute name, 2: the value written. */
			$problems[] = sprintf( __( '%1$s="%2$s" is not a valid value; left out.', 'venue-widgets' ), $name, $value );
			continue;
		}
		$attributes[ $name ] = $checked;
	}
	foreach ( $element['attributes'] as $name => $spec ) {
		if ( ! isset( $attributes[ $name ] ) && ! empty( $spec['setting'] ) && '' !== $settings[ $spec['setting'] ] ) {
			$attributes[ $name ] = $settings[ $spec['setting'] ];
		}
	}
	foreach ( $element['required'] as $name ) {
		if ( ! isset( $attributes[ $name ] ) ) {
			/* translators: 1: attribute name, 2: element tag. */
			$problems[] = sprintf( __( '%2$s needs %1$s: write it in the shortcode or block, or set a default under Settings → Venue widgets.', 'venue-widgets' ), $name, $tag );
		}
	}
	return array(
		'attributes' => $attributes,
		'problems'   => $problems,
	);
}

/**
 * The element's HTML, escaped, with its module enqueued. Problems are shown to people who can
 * edit posts (so an author sees why in a preview), never to visitors.
 *
 * @param string $tag     Element tag.
 * @param array  $written Attribute name (tag spelling) => value.
 * @param string $content Light-DOM content (already filtered by WordPress), e.g. a stream's player.
 * @return string
 */
function venue_widgets_render( $tag, $written, $content = '' ) {
	$resolved = venue_widgets_resolve_attributes( $tag, $written );
	$types    = venue_widgets_elements()[ $tag ]['attributes'];
	$html     = '<' . $tag;
	foreach ( $resolved['attributes'] as $name => $value ) {
		// esc_url() would drop the braces of {performanceId}; a template was checked to be an
		// http(s) URL without quotes, spaces or angle brackets, and is escaped as an attribute.
		$escaped = 'url' === $types[ $name ]['type'] ? esc_url( $value, array( 'http', 'https' ) ) : esc_attr( $value );
		$html   .= 'bool' === $types[ $name ]['type'] ? ' ' . $name : ' ' . $name . '="' . $escaped . '"';
	}
	$html .= '>' . $content . '</' . $tag . '>';
	venue_widgets_enqueue( $tag );
	$html = venue_widgets_preconnect( $tag, $resolved['attributes']['api-base'] ?? '' ) . $html;

	if ( $resolved['problems'] && current_user_can( 'edit_posts' ) ) {
		$notice = '<div class="venue-widgets-notice" role="note" data-venue-widgets-notice="' . esc_attr( $tag ) . '"><strong>'
			. esc_html__( 'Venue widgets (only editors see this):', 'venue-widgets' ) . '</strong><ul>';
		foreach ( $resolved['problems'] as $problem ) {
			$notice .= '<li>' . esc_html( $problem ) . '</li>';
		}
		$html = $notice . '</ul></div>' . $html;
	}
	return $html;
}

/**
 * A `<link rel="preconnect">` to the origin an element asks as soon as the page shows it (the
 * AudienceView elements' API, the Utick elements' signing proxy), the first time the page shows
 * an element of that origin ('' after, for other elements, for an address that is not one, and for
 * the site's own origin, whose connection is open already). The element's module comes at the end
 * of the page and asks only once it runs; meanwhile the browser, which reads the hint as it
 * parses, opens the connection (DNS, TCP, TLS: round trips on a phone's network). Lighthouse's own
 * audit (uses-rel-preconnect) names the API's origin on every AudienceView page. `crossorigin`:
 * these requests carry no credentials, so they use the browser's anonymous connections (Vista's
 * may carry cookies, and its sign-in asks nothing until a patron acts: no hint).
 *
 * @param string $tag      Element tag.
 * @param string $api_base The element's api-base ('' is AudienceView's public host for its elements).
 * @return string
 */
function venue_widgets_preconnect( $tag, $api_base ) {
	static $opened = array();
	$audienceview = 0 === strpos( $tag, 'av-' );
	if ( ! $audienceview && 0 !== strpos( $tag, 'utick-' ) ) {
		return '';
	}
	$origin_of = function ( $url ) {
		$parts = wp_parse_url( $url );
		if ( empty( $parts['scheme'] ) || empty( $parts['host'] ) || ! in_array( $parts['scheme'], array( 'http', 'https' ), true ) ) {
			return '';
		}
		return $parts['scheme'] . '://' . $parts['host'] . ( isset( $parts['port'] ) ? ':' . $parts['port'] : '' );
	};
	$origin = $origin_of( '' === $api_base && $audienceview ? 'https://api.ovationtix.com' : $api_base );
	if ( '' === $origin || isset( $opened[ $origin ] ) || $origin_of( home_url() ) === $origin ) {
		return '';
	}
	$opened[ $origin ] = true;
	return '<link rel="preconnect" href="' . esc_url( $origin ) . '" crossorigin>';
}

/**
 * Registers each element's module (the built files in assets/, served by the site itself).
 */
function venue_widgets_register_scripts() {
	foreach ( array_merge( array_keys( venue_widgets_elements() ), array( 'audienceview' ) ) as $module ) {
		wp_register_script( 'venue-widgets-' . $module, plugins_url( 'assets/' . $module . '.js', VENUE_WIDGETS_FILE ), array(), VENUE_WIDGETS_VERSION, true );
	}
}
add_action( 'init', 'venue_widgets_register_scripts' );

/**
 * The AudienceView elements' modules are each one self-contained file (Lit inside): a page with
 * two or three of them gets audienceview.js, which holds all three, instead of Lit twice or thrice.
 * Run before WordPress prints the footer's scripts, when every element on the page has enqueued its own.
 */
function venue_widgets_one_audienceview_module() {
	$queued = array();
	foreach ( array_keys( venue_widgets_elements() ) as $tag ) {
		$handle = 'venue-widgets-' . $tag;
		if ( 0 === strpos( $tag, 'av-' ) && wp_script_is( $handle ) ) {
			$queued[] = $handle;
		}
	}
	if ( count( $queued ) < 2 ) {
		return;
	}
	array_map( 'wp_dequeue_script', $queued );
	wp_enqueue_script( 'venue-widgets-audienceview' );
}
add_action( 'wp_print_footer_scripts', 'venue_widgets_one_audienceview_module', 9 );

/**
 * Enqueues an element's module for this page (WordPress prints a handle once, however many
 * elements use it).
 *
 * @param string $tag Element tag.
 */
function venue_widgets_enqueue( $tag ) {
	if ( ! is_admin() ) {
		wp_enqueue_script( 'venue-widgets-' . $tag );
	}
}

/**
 * The element modules are ES modules: `type="module"` (WordPress 6.1 has no module API).
 *
 * @param string $html   The script tag.
 * @param string $handle Its handle.
 * @return string
 */
function venue_widgets_module_type( $html, $handle ) {
	if ( 0 !== strpos( $handle, 'venue-widgets-' ) || 'venue-widgets-blocks' === $handle ) {
		return $html;
	}
	$html = preg_replace( '/\stype=([\'"])text\/javascript\1/', '', $html );
	return str_replace( '<script ', '<script type="module" ', $html );
}
add_filter( 'script_loader_tag', 'venue_widgets_module_type', 10, 2 );

/**
 * Tags written directly into content (an administrator's paste, or a role the site allows)
 * get their module too, so nobody has to paste a script line, and the site's defaults for the
 * attributes they leave out (as shortcodes and blocks do).
 *
 * @param string $content Rendered content.
 * @return string
 */
function venue_widgets_enqueue_for_written_tags( $content ) {
	if ( ! is_string( $content ) || false === strpos( $content, '-' ) ) {
		return $content;
	}
	$settings = venue_widgets_settings();
	foreach ( venue_widgets_elements() as $tag => $element ) {
		$defaults = array();
		foreach ( $element['attributes'] as $name => $spec ) {
			if ( ! empty( $spec['setting'] ) && '' !== $settings[ $spec['setting'] ] ) {
				$defaults[ $name ] = $settings[ $spec['setting'] ];
			}
		}
		$content = preg_replace_callback(
			'/<' . preg_quote( $tag, '/' ) . '(?=[\s>])([^>]*)>/',
			function ( $match ) use ( $tag, $defaults ) {
				venue_widgets_enqueue( $tag );
				$added = '';
				foreach ( $defaults as $name => $value ) {
					if ( ! preg_match( '/\s' . preg_quote( $name, '/' ) . '(\s*=|\s|\/|$)/i', $match[1] ) ) {
						$added .= ' ' . $name . '="' . esc_attr( $value ) . '"';
					}
				}
				$api_base = preg_match( '/\sapi-base\s*=\s*"([^"]*)"/i', $match[1] . $added, $written ) ? html_entity_decode( $written[1] ) : '';
				return venue_widgets_preconnect( $tag, $api_base ) . '<' . $tag . $match[1] . $added . '>';
			},
			$content
		);
	}
	return $content;
}
add_filter( 'the_content', 'venue_widgets_enqueue_for_written_tags', 20 );
add_filter( 'widget_text_content', 'venue_widgets_enqueue_for_written_tags', 20 );
add_filter( 'widget_block_content', 'venue_widgets_enqueue_for_written_tags', 20 );
