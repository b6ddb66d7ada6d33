<?php
/**
 * Removes the plugin's one option when the plugin is deleted.
 *
 * @package VenueWidgets
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

delete_option( 'venue_widgets_settings' );
