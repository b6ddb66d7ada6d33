<?php
/**
 * A block per patron element, rendered on the server through the same checks as the shortcodes.
 * The editor side (js/blocks.js) is a small script on WordPress's own globals: no build step.
 *
 * @package VenueWidgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * Registers the editor script and the blocks.
 */
function venue_widgets_register_blocks() {
	if ( ! function_exists( 'register_block_type' ) ) {
		return;
	}
	wp_register_script(
		'venue-widgets-blocks',
		plugins_url( 'js/blocks.js', VENUE_WIDGETS_FILE ),
		array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n' ),
		VENUE_WIDGETS_VERSION,
		true
	);
	$for_editor = array();
	foreach ( venue_widgets_elements() as $tag => $element ) {
		if ( empty( $element['block'] ) ) {
			continue;
		}
		$attributes = array();
		$fields     = array();
		$settings   = venue_widgets_settings();
		foreach ( $element['attributes'] as $name => $spec ) {
			$key                = venue_widgets_block_attribute_name( $name );
			$attributes[ $key ] = array( 'type' => 'bool' === $spec['type'] ? 'boolean' : 'string' );
			$fields[]           = array(
				'key'     => $key,
				'name'    => $name,
				'label'   => $spec['label'],
				'type'    => $spec['type'],
				'choices' => isset( $spec['choices'] ) ? $spec['choices'] : array(),
				// Shown as the placeholder: what the page gets when the field is left empty.
				'default' => ! empty( $spec['setting'] ) ? $settings[ $spec['setting'] ] : '',
			);
		}
		register_block_type(
			'venue-widgets/' . $tag,
			array(
				'api_version'     => 2,
				'title'           => $element['title'],
				'description'     => $element['description'],
				'category'        => 'widgets',
				'editor_script'   => 'venue-widgets-blocks',
				'attributes'      => $attributes,
				'supports'        => array( 'html' => false ),
				'render_callback' => function ( $block_attributes, $content ) use ( $tag, $element ) {
					$written = array();
					foreach ( $element['attributes'] as $name => $spec ) {
						$key = venue_widgets_block_attribute_name( $name );
						if ( ! isset( $block_attributes[ $key ] ) || '' === $block_attributes[ $key ] || false === $block_attributes[ $key ] ) {
							continue;
						}
						$written[ $name ] = true === $block_attributes[ $key ] ? '' : (string) $block_attributes[ $key ];
					}
					return venue_widgets_render( $tag, $written, ! empty( $element['content'] ) ? trim( (string) $content ) : '' );
				},
			)
		);
		$for_editor[] = array(
			'name'        => 'venue-widgets/' . $tag,
			'tag'         => $tag,
			'title'       => $element['title'],
			'description' => $element['description'],
			'content'     => ! empty( $element['content'] ),
			'fields'      => $fields,
		);
	}
	wp_add_inline_script( 'venue-widgets-blocks', 'window.venueWidgetsBlocks = ' . wp_json_encode( $for_editor ) . ';', 'before' );
}
add_action( 'init', 'venue_widgets_register_blocks', 20 );
