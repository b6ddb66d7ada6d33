<?php
/**
 * The eight elements and their documented attributes (custom-elements.json), as the plugin
 * accepts them. Secrets (Vista's `api-token`, `device-token`) are left out on purpose: whatever a
 * post holds is public, so a shortcode or block can never carry one.
 *
 * Attribute keys:
 * - `type`: how a value is checked (see venue_widgets_check_value()).
 * - `setting`: the site default (Settings → Venue widgets) used when the post leaves it out.
 * - `choices`: the allowed values of an `enum`.
 *
 * @package VenueWidgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * The elements, keyed by tag.
 *
 * @return array<string, array>
 */
function venue_widgets_elements() {
	static $elements = null;
	if ( null !== $elements ) {
		return $elements;
	}
	$audienceview = array(
		'api-base'      => array(
			'type'    => 'url',
			'setting' => 'av_api_base',
			'label'   => __( 'API base', 'venue-widgets' ),
		),
		'client-id'     => array(
			'type'    => 'id',
			'setting' => 'client_id',
			'label'   => __( 'Client id', 'venue-widgets' ),
		),
		'production-id' => array(
			'type'  => 'id',
			'label' => __( 'Production id', 'venue-widgets' ),
		),
		'department-id' => array(
			'type'  => 'id',
			'label' => __( 'Department id', 'venue-widgets' ),
		),
		'time-zone'     => array(
			'type'    => 'timezone',
			'setting' => 'time_zone',
			'label'   => __( 'Venue time zone', 'venue-widgets' ),
		),
		'purchase-url'  => array(
			'type'  => 'url_template',
			'label' => __( 'Purchase URL ({performanceId})', 'venue-widgets' ),
		),
		'locale'        => array(
			'type'  => 'locale',
			'label' => __( 'Language (BCP 47)', 'venue-widgets' ),
		),
	);
	$vista        = array(
		'api-base'    => array(
			'type'    => 'url',
			'setting' => 'vista_api_base',
			'label'   => __( 'Vista API base', 'venue-widgets' ),
		),
		'mode'        => array(
			'type'    => 'enum',
			'choices' => array( 'token', 'cookie' ),
			'label'   => __( 'Session mode', 'venue-widgets' ),
		),
		'region-code' => array(
			'type'  => 'id',
			'label' => __( 'Region code', 'venue-widgets' ),
		),
		'locale'      => array(
			'type'  => 'locale',
			'label' => __( 'Language (BCP 47)', 'venue-widgets' ),
		),
	);
	$utick        = array(
		'api-base'  => array(
			'type'    => 'url',
			'setting' => 'utick_proxy_url',
			'label'   => __( 'Utick signing proxy URL', 'venue-widgets' ),
		),
		'time-zone' => array(
			'type'    => 'timezone',
			'setting' => 'time_zone',
			'label'   => __( 'Venue time zone', 'venue-widgets' ),
		),
		'locale'    => array(
			'type'  => 'locale',
			'label' => __( 'Language (BCP 47)', 'venue-widgets' ),
		),
	);
	$limit        = array(
		'type'  => 'count',
		'label' => __( 'How many', 'venue-widgets' ),
	);

	$elements = array(
		'av-calendar'             => array(
			'title'       => __( 'Performance calendar', 'venue-widgets' ),
			'description' => __( 'A month calendar of AudienceView performances.', 'venue-widgets' ),
			'required'    => array( 'client-id' ),
			'block'       => true,
			'attributes'  => $audienceview + array(
				'month' => array(
					'type'  => 'month',
					'label' => __( 'Month (YYYY-MM)', 'venue-widgets' ),
				),
				'view'  => array(
					'type'    => 'enum',
					'choices' => array( 'auto', 'month', 'list' ),
					'label'   => __( 'View', 'venue-widgets' ),
				),
			),
		),
		'av-series-list'          => array(
			'title'       => __( 'Season series', 'venue-widgets' ),
			'description' => __( 'One card per AudienceView series, with a buy link.', 'venue-widgets' ),
			'required'    => array( 'client-id' ),
			'block'       => true,
			'attributes'  => $audienceview + array(
				'production-url' => array(
					'type'  => 'url_template',
					'label' => __( 'Production URL ({productionId})', 'venue-widgets' ),
				),
			),
		),
		'av-event-list'           => array(
			'title'       => __( 'Upcoming performances', 'venue-widgets' ),
			'description' => __( 'Upcoming AudienceView performances as a list.', 'venue-widgets' ),
			'required'    => array( 'client-id' ),
			'block'       => true,
			'attributes'  => $audienceview + array( 'limit' => $limit ),
		),
		'ticket-scanner'          => array(
			'title'       => __( 'Door scanner (staff)', 'venue-widgets' ),
			'description' => __( 'The door app for staff: scans tickets, works offline.', 'venue-widgets' ),
			'required'    => array(),
			'block'       => false,
			'attributes'  => array(
				'api-base'          => $audienceview['api-base'],
				'client-id'         => $audienceview['client-id'],
				'production-id'     => $audienceview['production-id'],
				'performance-id'    => array(
					'type'  => 'id',
					'label' => __( 'Performance id', 'venue-widgets' ),
				),
				'mode'              => array(
					'type'    => 'enum',
					'choices' => array( 'auto', 'online', 'offline' ),
					'label'   => __( 'Mode', 'venue-widgets' ),
				),
				'hide-patron-names' => array(
					'type'  => 'bool',
					'label' => __( 'Hide patron names', 'venue-widgets' ),
				),
				'time-zone'         => $audienceview['time-zone'],
				'locale'            => $audienceview['locale'],
				'barcode-formats'   => array(
					'type'  => 'list',
					'label' => __( 'Barcode formats', 'venue-widgets' ),
				),
				'decoder-url'       => array(
					'type'  => 'url',
					'label' => __( 'Decoder URL', 'venue-widgets' ),
				),
			),
		),
		'vista-member-login'      => array(
			'title'       => __( 'Member sign-in', 'venue-widgets' ),
			'description' => __( 'Vista members sign in and out.', 'venue-widgets' ),
			'required'    => array( 'api-base' ),
			'block'       => true,
			'attributes'  => $vista + array(
				'club-id' => array(
					'type'  => 'id',
					'label' => __( 'Club id', 'venue-widgets' ),
				),
			),
		),
		'vista-ticket-redemption' => array(
			'title'       => __( 'Member ticket redemption', 'venue-widgets' ),
			'description' => __( 'A signed-in member applies a card to a showtime.', 'venue-widgets' ),
			'required'    => array( 'api-base' ),
			'block'       => true,
			'attributes'  => $vista + array(
				'order-id'       => array(
					'type'  => 'id',
					'label' => __( 'Order id', 'venue-widgets' ),
				),
				'showtime-id'    => array(
					'type'  => 'id',
					'label' => __( 'Showtime id', 'venue-widgets' ),
				),
				'site-id'        => array(
					'type'  => 'id',
					'label' => __( 'Site id', 'venue-widgets' ),
				),
				'ticket-type-id' => array(
					'type'  => 'id',
					'label' => __( 'Ticket type id', 'venue-widgets' ),
				),
			),
		),
		'utick-stream-gate'       => array(
			'title'       => __( 'Stream access gate', 'venue-widgets' ),
			'description' => __( 'Asks for an access code, then shows what is inside (the player).', 'venue-widgets' ),
			'required'    => array( 'api-base', 'stream-id' ),
			'block'       => true,
			'content'     => true,
			'attributes'  => $utick + array(
				'stream-id'  => array(
					'type'  => 'id',
					'label' => __( 'Stream id', 'venue-widgets' ),
				),
				'contact-id' => array(
					'type'  => 'id',
					'label' => __( 'Contact id', 'venue-widgets' ),
				),
			),
		),
		'utick-pack-list'         => array(
			'title'       => __( 'Packs', 'venue-widgets' ),
			'description' => __( 'Published Utick packs with a buy link.', 'venue-widgets' ),
			'required'    => array( 'api-base' ),
			'block'       => true,
			'attributes'  => $utick + array( 'limit' => $limit ),
		),
	);
	return $elements;
}

/**
 * A tag attribute's name as a block attribute (`client-id` → `clientId`).
 *
 * @param string $name Attribute name.
 * @return string
 */
function venue_widgets_block_attribute_name( $name ) {
	return lcfirst( str_replace( ' ', '', ucwords( str_replace( '-', ' ', $name ) ) ) );
}
