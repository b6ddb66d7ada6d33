<?php
/**
 * One shortcode per element, named as the tag: [av-calendar client-id="284"]. Shortcodes are
 * plain text, so kses never touches them: every role that can write a post can use them.
 *
 * @package VenueWidgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * Registers the shortcodes.
 */
function venue_widgets_register_shortcodes() {
	foreach ( venue_widgets_elements() as $tag => $element ) {
		add_shortcode(
			$tag,
			function ( $atts, $content = '' ) use ( $tag, $element ) {
				// Content between [utick-stream-gate]…[/utick-stream-gate] is the player the gate
				// reveals; it was filtered by kses for its author when the post was saved.
				$inner = ! empty( $element['content'] ) && is_string( $content ) ? do_shortcode( venue_widgets_unwrap_content( $content ) ) : '';
				return venue_widgets_render( $tag, is_array( $atts ) ? $atts : array(), $inner );
			}
		);
	}
}
add_action( 'init', 'venue_widgets_register_shortcodes' );

/**
 * The content of an enclosing shortcode as wpautop left it: `</p>` first and `<p>` last
 * (the paragraphs it opened around the opening and closing shortcodes) belong outside.
 *
 * @param string $content Shortcode content.
 * @return string
 */
function venue_widgets_unwrap_content( $content ) {
	$content = preg_replace( '#^\s*(<br\s*/?>|</p>)\s*#i', '', $content );
	$content = preg_replace( '#\s*(<br\s*/?>|<p>)\s*$#i', '', $content );
	return trim( $content );
}

/**
 * wpautop wraps a shortcode on its own line in `<p>`. An element holding block content (the
 * stream gate's player) must not sit in a paragraph: the browser would close the paragraph, and
 * the element with it, at the first block inside. Runs after shortcodes (priority 11).
 *
 * @param string $content Rendered content.
 * @return string
 */
function venue_widgets_unwrap_paragraphs( $content ) {
	if ( ! is_string( $content ) ) {
		return $content;
	}
	$tags = implode( '|', array_map( 'preg_quote', array_keys( venue_widgets_elements() ) ) );
	$content = preg_replace( '#<p>\s*(<(?:' . $tags . ')[\s>])#', '$1', $content );
	return preg_replace( '#(</(?:' . $tags . ')>)\s*(<br\s*/?>\s*)?</p>#', '$1', $content );
}
add_filter( 'the_content', 'venue_widgets_unwrap_paragraphs', 12 );
