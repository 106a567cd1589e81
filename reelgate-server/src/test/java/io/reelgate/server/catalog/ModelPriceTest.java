package io.reelgate.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Credits per (model, input) as the KIE pricing feed and the OpenAI list give them (docs/models.md); fractional
 * prices are rounded half up to whole credits.
 */
class ModelPriceTest {

    private static final String IMG = "\"https://example.com/a.png\"";

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            kling-2.6/text-to-video            | "prompt":"p","sound":false,"duration":"5"                    | 55
            kling-2.6/text-to-video            | "prompt":"p","sound":true,"duration":5                       | 110
            kling-2.6/image-to-video           | "prompt":"p","sound":true,"duration":"10","image_urls":[IMG] | 220
            kling-3.0/video                    | "prompt":"p","mode":"std","duration":"5"                     | 70
            kling-3.0/video                    | "prompt":"p","mode":"pro","sound":true,"duration":"10"       | 270
            kling-3.0/video                    | "prompt":"p","mode":"4K","duration":"5"                      | 335
            kling/v2-5-turbo-text-to-video-pro | "prompt":"p","duration":"10"                                 | 84
            kling/v2-1-master-text-to-video    | "prompt":"p"                                                 | 160
            kling/v2-1-standard                | "prompt":"p","image_url":IMG,"duration":"10"                 | 50
            bytedance/v1-pro-text-to-video     | "prompt":"p","resolution":"1080p"                            | 70
            bytedance/v1-pro-text-to-video     | "prompt":"p","resolution":"480p","duration":"10"             | 28
            bytedance/v1-pro-fast-image-to-video | "prompt":"p","image_url":IMG,"resolution":"1080p","duration":"10" | 72
            bytedance/seedance-1.5-pro         | "prompt":"p"                                                 | 28
            bytedance/seedance-1.5-pro         | "prompt":"p","resolution":"1080p","duration":12,"generate_audio":true | 180
            bytedance/seedance-1.5-pro         | "prompt":"p","duration":"5"                                  | 18
            bytedance/seedance-1.5-pro         | "prompt":"p","resolution":"480p","duration":"5"              | 9
            bytedance/seedance-2               | "prompt":"p"                                                 | 205
            bytedance/seedance-2               | "prompt":"p","resolution":"4k","duration":4                  | 832
            bytedance/seedance-2               | "prompt":"p","duration":-1                                   | 205
            hailuo/02-text-to-video-standard   | "prompt":"p","duration":"10"                                 | 50
            hailuo/02-text-to-video-pro        | "prompt":"p"                                                 | 57
            hailuo/2-3-image-to-video-standard | "prompt":"p","image_url":IMG,"resolution":"1080P"            | 50
            hailuo/2-3-image-to-video-pro      | "prompt":"p","image_url":IMG,"duration":"10"                 | 90
            wan/2-6-text-to-video              | "prompt":"p"                                                 | 105
            wan/2-6-text-to-video              | "prompt":"p","duration":"10"                                 | 210
            wan/2-6-image-to-video             | "prompt":"p","image_urls":[IMG],"resolution":"720p","duration":"15" | 210
            wan/2-5-text-to-video              | "prompt":"p","resolution":"1080p","duration":"10"            | 200
            wan/2-7-text-to-video              | "prompt":"p","resolution":"720p","duration":"10"             | 160
            wan/3-0-video                      | "prompt":"p","resolution":"480P"                             | 40
            grok-imagine/text-to-video         | "prompt":"p"                                                 | 14
            grok-imagine/text-to-video         | "prompt":"p","resolution":"720p","duration":"10"             | 45
            veo-3-1                            | "prompt":"p","resolution":"4k"                               | 180
            veo3_fast                          | "prompt":"p"                                                 | 60
            veo3                               | "prompt":"p","resolution":"4k"                               | 380
            veo3                               | "prompt":"p","resolution":"4k","imageUrls":[IMG]             | 370
            veo3_lite                          | "prompt":"p","resolution":"1080p"                            | 35
            runway                             | "prompt":"p","aspect_ratio":"16:9"                           | 12
            runway                             | "prompt":"p","image_url":IMG,"duration":"10"                 | 30
            runway                             | "prompt":"p","image_url":IMG,"quality":"1080p"               | 30
            runway/gen4-aleph                  | "prompt":"p","video_url":"https://example.com/a.mp4"         | 110
            sora-2                             | "prompt":"p","seconds":"8"                                   | 160
            sora-2-pro                         | "prompt":"p","seconds":12,"size":"1792x1024"                 | 1200
            sora-2-pro                         | "prompt":"p"                                                 | 240
            """)
    void priceFollowsTheSpec(String model, String fields, long credits) {
        ModelInput input = Inputs.validate(model, "{" + fields.replace("IMG", IMG) + "}");

        assertThat(input.price()).isEqualTo(credits);
    }
}
