<?php
/**
 * Settings → Venue widgets: the site's defaults, so a post needs as little as `[av-calendar]`.
 * Settings API: options.php checks the nonce (settings_fields) and `manage_options`.
 * Nothing here is secret: every value ends up in the pages' HTML. Utick's private keys stay in the
 * signing proxy; only its URL is set here.
 *
 * @package VenueWidgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * The settings with their defaults.
 *
 * @return array{client_id: string, time_zone: string, av_api_base: string, vista_api_base: string, utick_proxy_url: string, tag_roles: string[]}
 */
function venue_widgets_settings() {
	$site_zone = get_option( 'timezone_string' );
	$defaults  = array(
		'client_id'       => '',
		// The site's own time zone when it is a named zone (WordPress → Settings → General).
		'time_zone'       => $site_zone && in_array( $site_zone, timezone_identifiers_list(), true ) ? $site_zone : '',
		'av_api_base'     => '',
		'vista_api_base'  => '',
		'utick_proxy_url' => '',
		'tag_roles'       => array(),
	);
	$saved     = get_option( 'venue_widgets_settings', array() );
	return array_merge( $defaults, is_array( $saved ) ? array_intersect_key( $saved, $defaults ) : array() );
}

/**
 * The setting fields: name => [label, type, help].
 *
 * @return array<string, array{0: string, 1: string, 2: string}>
 */
function venue_widgets_setting_fields() {
	return array(
		'client_id'       => array( __( 'AudienceView client id', 'venue-widgets' ), 'id', __( 'The number in your AudienceView public URLs, e.g. 284.', 'venue-widgets' ) ),
		'time_zone'       => array( __( 'Venue time zone', 'venue-widgets' ), 'timezone', __( 'Performance times are shown in this zone, whatever the visitor\'s.', 'venue-widgets' ) ),
		'av_api_base'     => array( __( 'AudienceView API base', 'venue-widgets' ), 'url', __( 'Leave empty for AudienceView\'s public host.', 'venue-widgets' ) ),
		'vista_api_base'  => array( __( 'Vista API base', 'venue-widgets' ), 'url', __( 'Your Vista tenant, e.g. https://tenant-digital-api.app.vista.co', 'venue-widgets' ) ),
		'utick_proxy_url' => array( __( 'Utick signing proxy URL', 'venue-widgets' ), 'url', __( 'The venue\'s signing proxy (it holds the Utick keys; never put keys here).', 'venue-widgets' ) ),
	);
}

/**
 * Registers the setting, its section and fields.
 */
function venue_widgets_register_settings() {
	register_setting(
		'venue_widgets',
		'venue_widgets_settings',
		array(
			'type'              => 'array',
			'sanitize_callback' => 'venue_widgets_sanitize_settings',
			'default'           => array(),
		)
	);
	add_settings_section( 'venue_widgets_defaults', __( 'Defaults for every element', 'venue-widgets' ), '__return_false', 'venue-widgets' );
	foreach ( venue_widgets_setting_fields() as $key => $field ) {
		add_settings_field(
			'venue_widgets_' . $key,
			$field[0],
			'venue_widgets_render_field',
			'venue-widgets',
			'venue_widgets_defaults',
			array(
				'key'       => $key,
				'label_for' => 'venue_widgets_' . $key,
			)
		);
	}
	add_settings_field( 'venue_widgets_tag_roles', __( 'Who may write the tags directly', 'venue-widgets' ), 'venue_widgets_render_roles_field', 'venue-widgets', 'venue_widgets_defaults' );
}
add_action( 'admin_init', 'venue_widgets_register_settings' );

/**
 * Checks what the form sent. A bad value keeps the saved one and says why.
 *
 * @param mixed $input The submitted values.
 * @return array
 */
function venue_widgets_sanitize_settings( $input ) {
	$current = venue_widgets_settings();
	$input   = is_array( $input ) ? $input : array();
	$clean   = $current;
	foreach ( venue_widgets_setting_fields() as $key => $field ) {
		$value = isset( $input[ $key ] ) ? trim( sanitize_text_field( wp_unslash( $input[ $key ] ) ) ) : '';
		if ( '' === $value ) {
			$clean[ $key ] = '';
			continue;
		}
		$checked = venue_widgets_check_value( array( 'type' => $field[1] ), $value );
		if ( null === $checked ) {
			/* translators: 1: field label, 2: the value entered. */
			add_settings_error( 'venue_widgets_settings', 'venue_widgets_' . $key, sprintf( __( '%1$s: "%2$s" is not valid; the previous value is kept.', 'venue-widgets' ), $field[0], $value ) );
			continue;
		}
		$clean[ $key ] = 'url' === $field[1] ? untrailingslashit( esc_url_raw( $checked, array( 'http', 'https' ) ) ) : $checked;
	}
	$roles              = isset( $input['tag_roles'] ) && is_array( $input['tag_roles'] ) ? array_map( 'sanitize_key', wp_unslash( $input['tag_roles'] ) ) : array();
	$clean['tag_roles'] = array_values( array_intersect( $roles, array_keys( wp_roles()->get_names() ) ) );
	return $clean;
}

/**
 * One text or select field.
 *
 * @param array $args Field arguments (key).
 */
function venue_widgets_render_field( $args ) {
	$key      = $args['key'];
	$field    = venue_widgets_setting_fields()[ $key ];
	$settings = venue_widgets_settings();
	$id       = 'venue_widgets_' . $key;
	$name     = 'venue_widgets_settings[' . $key . ']';
	if ( 'timezone' === $field[1] ) {
		echo '<select id="' . esc_attr( $id ) . '" name="' . esc_attr( $name ) . '"><option value="">' . esc_html__( '(element default: America/New_York)', 'venue-widgets' ) . '</option>';
		foreach ( timezone_identifiers_list() as $zone ) {
			echo '<option value="' . esc_attr( $zone ) . '"' . selected( $settings[ $key ], $zone, false ) . '>' . esc_html( $zone ) . '</option>';
		}
		echo '</select>';
	} else {
		$type = 'url' === $field[1] ? 'url' : 'text';
		echo '<input type="' . esc_attr( $type ) . '" class="regular-text" id="' . esc_attr( $id ) . '" name="' . esc_attr( $name ) . '" value="' . esc_attr( $settings[ $key ] ) . '">';
	}
	echo '<p class="description">' . esc_html( $field[2] ) . '</p>';
}

/**
 * The roles allowed to write <av-calendar …> and the other tags into content.
 */
function venue_widgets_render_roles_field() {
	$chosen = venue_widgets_settings()['tag_roles'];
	echo '<fieldset><legend class="screen-reader-text">' . esc_html__( 'Who may write the tags directly', 'venue-widgets' ) . '</legend>';
	foreach ( wp_roles()->get_names() as $role => $label ) {
		echo '<label><input type="checkbox" name="venue_widgets_settings[tag_roles][]" value="' . esc_attr( $role ) . '"' . checked( in_array( $role, $chosen, true ), true, false ) . '> ' . esc_html( translate_user_role( $label ) ) . '</label><br>';
	}
	echo '</fieldset><p class="description">' . esc_html__( 'Shortcodes and blocks work for every role. Checked roles may also paste the tags themselves (only the documented attributes are kept, never a script). Administrators and editors of a single site can already.', 'venue-widgets' ) . '</p>';
}

/**
 * Adds the page under Settings.
 */
function venue_widgets_add_settings_page() {
	add_options_page( __( 'Venue widgets', 'venue-widgets' ), __( 'Venue widgets', 'venue-widgets' ), 'manage_options', 'venue-widgets', 'venue_widgets_render_settings_page' );
}
add_action( 'admin_menu', 'venue_widgets_add_settings_page' );

/**
 * The settings page, with a reference of the shortcodes below the form.
 */
function venue_widgets_render_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	echo '<div class="wrap"><h1>' . esc_html( get_admin_page_title() ) . '</h1>';
	settings_errors( 'venue_widgets_settings' );
	echo '<form action="options.php" method="post">';
	settings_fields( 'venue_widgets' );
	do_settings_sections( 'venue-widgets' );
	submit_button();
	echo '</form><h2>' . esc_html__( 'Shortcodes', 'venue-widgets' ) . '</h2><p>'
		. esc_html__( 'Blocks: add block → Widgets. Shortcodes take the attributes below; anything left out comes from the defaults above.', 'venue-widgets' )
		. '</p><table class="widefat striped"><thead><tr><th>' . esc_html__( 'Shortcode', 'venue-widgets' ) . '</th><th>'
		. esc_html__( 'What it shows', 'venue-widgets' ) . '</th><th>' . esc_html__( 'Attributes', 'venue-widgets' ) . '</th></tr></thead><tbody>';
	foreach ( venue_widgets_elements() as $tag => $element ) {
		echo '<tr><td><code>[' . esc_html( $tag ) . ']</code></td><td>' . esc_html( $element['description'] ) . '</td><td><code>'
			. esc_html( implode( ' ', array_keys( $element['attributes'] ) ) ) . '</code></td></tr>';
	}
	echo '</tbody></table></div>';
}
